package org.pilotlifecycle.intake;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.pilot.PilotView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/pilots")
@Tag(name = "Pilots")
class PilotIntakeController {

  private final PilotIntakeService intake;

  PilotIntakeController(PilotIntakeService intake) {
    this.intake = intake;
  }

  @PostMapping
  @Operation(summary = "Register a pilot and start its intake process (business key = pilot key)")
  ResponseEntity<PilotView> register(@RequestBody PilotRegistration registration) {
    PilotView pilot = PilotView.of(intake.register(registration));
    return ResponseEntity.created(URI.create("/api/pilots/" + pilot.key())).body(pilot);
  }
}
