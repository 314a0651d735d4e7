package org.pilotlifecycle.people;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.ProcessEngine;
import org.pilotlifecycle.engine.CurrentUser;
import org.pilotlifecycle.framework.PilotRole;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.pilot.PilotView;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A pilot's people and everyone's deputies, over HTTP. */
@RestController
@Validated
@Tag(name = "People", description = "A pilot's named people and deputies for a period")
class PilotPeopleController {

  /** The user id pattern of registrations. */
  static final String USER_ID = "^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$";

  private final PeopleChanges changes;
  private final Deputies deputies;
  private final ProcessEngine engine;

  PilotPeopleController(PeopleChanges changes, Deputies deputies, ProcessEngine engine) {
    this.changes = changes;
    this.deputies = deputies;
    this.engine = engine;
  }

  /**
   * @param person the user to name, or null to name nobody (the role's group stands in)
   * @param reason why, for the audit trail
   */
  record PersonChange(@Size(max = 64) @Pattern(regexp = USER_ID, message = "must be a user id") String person,
      @Size(max = 500) @Pattern(regexp = PilotRegistration.TEXT_PATTERN, message = PilotRegistration.TEXT_MESSAGE)
      String reason) {
  }

  @PutMapping("/api/pilots/{key}/people/{role}")
  @Operation(summary = "Name another person for one of the pilot's roles (executive owner or admin); open tasks move")
  PilotView change(@PathVariable String key, @PathVariable String role, @RequestBody @Validated PersonChange change) {
    PilotRole pilotRole;
    try {
      pilotRole = PilotRole.named(role);
    } catch (IllegalArgumentException unknown) {
      throw org.pilotlifecycle.web.InvalidFieldsException.of("role", unknown.getMessage());
    }
    return PilotView.of(changes.change(key, pilotRole, change.person(), change.reason(), CurrentUser.of(engine),
        CurrentUser.groupsOf(engine)));
  }

  /**
   * @param principal the person away; default: the caller
   * @param startsOn first day, @param endsOn last day (both included, pilot.time-zone)
   */
  record DeputyRequest(@Size(max = 64) @Pattern(regexp = USER_ID, message = "must be a user id") String principal,
      @NotBlank @Size(max = 64) @Pattern(regexp = USER_ID, message = "must be a user id") String deputy,
      @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
      @Size(max = 500) @Pattern(regexp = PilotRegistration.TEXT_PATTERN, message = PilotRegistration.TEXT_MESSAGE)
      String reason) {
  }

  record DeputyView(long id, String principal, String deputy, LocalDate startsOn, LocalDate endsOn, String reason,
      String createdBy, boolean active) {

    static DeputyView of(Deputy period, LocalDate today) {
      return new DeputyView(period.getId(), period.getPrincipal(), period.getDeputy(), period.getStartsOn(),
          period.getEndsOn(), period.getReason(), period.getCreatedBy(), period.covers(today));
    }
  }

  @GetMapping("/api/deputies")
  @Operation(summary = "Current and coming deputy periods the caller is in (all of them for an administrator)")
  List<DeputyView> list() {
    LocalDate today = deputies.today();
    return deputies.visibleTo(CurrentUser.of(engine), CurrentUser.groupsOf(engine)).stream()
        .map(period -> DeputyView.of(period, today)).toList();
  }

  @PostMapping("/api/deputies")
  @Operation(summary = "Name a deputy for a period (yourself, or anyone as administrator); open tasks move")
  ResponseEntity<DeputyView> name(@RequestBody @Validated DeputyRequest request) {
    String actor = CurrentUser.of(engine);
    String principal = request.principal() == null || request.principal().isBlank() ? actor : request.principal();
    Deputy period = deputies.name(principal, request.deputy(), request.startsOn(), request.endsOn(),
        request.reason(), actor, CurrentUser.groupsOf(engine));
    return ResponseEntity.created(java.net.URI.create("/api/deputies/" + period.getId()))
        .body(DeputyView.of(period, deputies.today()));
  }

  @DeleteMapping("/api/deputies/{id}")
  @Operation(summary = "Withdraw a deputy period: one not begun is deleted, one under way ends yesterday")
  ResponseEntity<Void> withdraw(@PathVariable long id) {
    deputies.withdraw(id, CurrentUser.of(engine), CurrentUser.groupsOf(engine));
    return ResponseEntity.noContent().build();
  }
}
