package org.pilotlifecycle.security;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MachineTokenRepository extends JpaRepository<MachineToken, String> {

  List<MachineToken> findAllByOrderByIssuedAtDesc();
}
