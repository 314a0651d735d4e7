package org.pilotlifecycle.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.engine.SystemQueries;
import org.pilotlifecycle.framework.PilotRole;
import org.pilotlifecycle.framework.Roles;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.stereotype.Component;

/**
 * Who holds a pilot's work: the one place that maps a task's role to people, called by the diagrams'
 * candidate expressions, e.g. on a deliverable task
 * <pre>
 * camunda:candidateUsers="${pilotPeople.users(execution, 'TECH_LEAD')}"
 * camunda:candidateGroups="${pilotPeople.groupIfNobodyNamed(execution, 'TECH_LEAD')}"
 * </pre>
 * and on a gate {@code approvers} / {@code approverGroupIfNobodyNamed}. The rules (docs/domain.md, "Named
 * people"):
 * <ul>
 *   <li>the pilot's named person for the role holds the task, with their deputy while one stands in;</li>
 *   <li>the role's group holds it only when the pilot names nobody for the role;</li>
 *   <li>a gate goes to the named approver unless they prepared the step's deliverables (four-eyes): then to the
 *       role's group minus everyone who prepared them, e.g. a second tech lead for the phase 2 and 3 gates;</li>
 *   <li>the steering committee is a group, never a person: its tasks name the group directly.</li>
 * </ul>
 * The engine evaluates these when it creates a task, and again to decide whether a user may hold or complete
 * it; open tasks follow changes of people and deputies ({@link OpenTaskHolders}).
 */
@Component("pilotPeople")
public class PilotPeople {

  private static final String PILOT_KEY = "pilotKey";
  private static final String CURRENT_STEP = "currentStep";

  private final PilotRegistry registry;
  private final Deputies deputies;
  private final PilotAuditTrail auditTrail;
  private final IdentityService identityService;

  PilotPeople(PilotRegistry registry, Deputies deputies, PilotAuditTrail auditTrail, IdentityService identityService) {
    this.registry = registry;
    this.deputies = deputies;
    this.auditTrail = auditTrail;
    this.identityService = identityService;
  }

  /**
   * The candidate users of a task of the role: the pilot's named person and their deputies today; none when the
   * pilot names nobody.
   *
   * @param role a {@link PilotRole} name, e.g. {@code TECH_LEAD}
   * @throws IllegalArgumentException for an unknown role (the deployment's task fails to be created)
   */
  public List<String> users(VariableScope execution, String role) {
    String named = named(execution, PilotRole.named(role));
    return named == null ? List.of() : withDeputies(named);
  }

  /** The candidate groups of a task of the role: the role's group when the pilot names nobody for it, else none. */
  public List<String> groupIfNobodyNamed(VariableScope execution, String role) {
    PilotRole pilotRole = PilotRole.named(role);
    return named(execution, pilotRole) == null ? groupOf(pilotRole) : List.of();
  }

  /**
   * The candidate users of the role's gate in the current step: the named approver (and deputies) unless they
   * prepared the step's deliverables; then the members of the role's group who did not.
   */
  public List<String> approvers(VariableScope execution, String role) {
    PilotRole pilotRole = PilotRole.named(role);
    String named = named(execution, pilotRole);
    if (named == null) {
      return List.of();
    }
    List<String> preparers = preparers(execution);
    if (!preparers.contains(named)) {
      return withDeputies(named).stream().filter(user -> !preparers.contains(user)).toList();
    }
    return groupMembersBut(pilotRole, preparers);
  }

  /**
   * The candidate groups of the role's gate: the role's group when the pilot names nobody (the four-eyes rule is
   * then checked when the gate is decided), or when every member of the group prepared the deliverables.
   */
  public List<String> approverGroupIfNobodyNamed(VariableScope execution, String role) {
    return approvers(execution, role).isEmpty() ? groupOf(PilotRole.named(role)) : List.of();
  }

  /**
   * The named person the actor stands in for on this pilot, when the actor is not named on it but is the deputy
   * today of someone who is: for "approved by D as deputy of P" in the audit trail.
   */
  public Optional<String> actingFor(String pilotKey, String actor) {
    if (pilotKey == null || actor == null || !registry.exists(pilotKey)) {
      return Optional.empty();
    }
    Set<String> named = registry.get(pilotKey).namedPeople();
    if (named.contains(actor)) {
      return Optional.empty();
    }
    return deputies.principalsOf(actor).stream().filter(named::contains).findFirst();
  }

  /** Whether the groups see every pilot: the steering committee, risk & compliance, analysts, administrators. */
  public static boolean oversees(Collection<String> groups) {
    return groups.contains(Roles.ADMIN) || groups.contains(Roles.STEERING_COMMITTEE)
        || groups.contains(Roles.RISK_COMPLIANCE) || groups.contains(Roles.PROCESS_ANALYST);
  }

  private String named(VariableScope execution, PilotRole role) {
    Object key = execution.getVariable(PILOT_KEY);
    if (!(key instanceof String pilotKey) || !registry.exists(pilotKey)) {
      return null;
    }
    return registry.get(pilotKey).namedPerson(role);
  }

  private List<String> withDeputies(String named) {
    Set<String> users = new LinkedHashSet<>();
    users.add(named);
    users.addAll(deputies.deputiesOf(named));
    return new ArrayList<>(users);
  }

  private List<String> preparers(VariableScope execution) {
    Object key = execution.getVariable(PILOT_KEY);
    Object step = execution.getVariable(CURRENT_STEP);
    if (!(key instanceof String pilotKey) || !(step instanceof String stepName)) {
      return List.of();
    }
    return auditTrail.deliverableSubmitters(pilotKey, stepName);
  }

  private List<String> groupMembersBut(PilotRole role, List<String> excluded) {
    if (role.groupId().isEmpty()) {
      return List.of();
    }
    return SystemQueries.asSystem(identityService, () -> identityService.createUserQuery()
        .memberOfGroup(role.groupId().get()).orderByUserId().asc().list().stream().map(User::getId)
        .filter(user -> !excluded.contains(user)).toList());
  }

  private static List<String> groupOf(PilotRole role) {
    return role.groupId().map(List::of).orElse(List.of());
  }
}
