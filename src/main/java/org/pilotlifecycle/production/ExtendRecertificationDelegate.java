package org.pilotlifecycle.production;

import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.framework.Decisions;
import org.pilotlifecycle.framework.Reasons;
import org.pilotlifecycle.lifecycle.ProcessVariables;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.stereotype.Component;

/**
 * "Extend re-certification deadline": the new due date on the pilot and on the open re-certification tasks, and the
 * overdue timer moved to it (later reminders keep their distance, as for an overdue phase). Nothing when the
 * re-certification was done meanwhile (no overdue timer left): the next due date it set stands.
 */
@Component
class ExtendRecertificationDelegate implements JavaDelegate {

  private final PilotRegistry registry;
  private final org.camunda.bpm.engine.ManagementService managementService;
  private final org.camunda.bpm.engine.TaskService taskService;
  private final org.camunda.bpm.engine.IdentityService identityService;
  private final java.time.Clock clock;
  private final java.time.ZoneId zone;

  ExtendRecertificationDelegate(PilotRegistry registry, org.camunda.bpm.engine.ManagementService managementService,
      org.camunda.bpm.engine.TaskService taskService, org.camunda.bpm.engine.IdentityService identityService,
      java.time.Clock clock,
      org.pilotlifecycle.engine.OrganisationProperties organisation) {
    this.registry = registry;
    this.managementService = managementService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.clock = clock;
    this.zone = organisation.timeZone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    java.time.Instant due = org.pilotlifecycle.framework.DueDates.future(variables.raw(NEW_RECERTIFICATION_DUE_DATE),
        NEW_RECERTIFICATION_DUE_DATE, clock, zone);
    java.util.Date dueDate = java.util.Date.from(due);
    var timer = managementService.createJobQuery().processInstanceId(execution.getProcessInstanceId())
        .activityId(ProductionOperationsProcess.TIMER_RECERTIFICATION_OVERDUE).timers().singleResult();
    if (timer == null) {
      // The re-certification was done while the steering committee decided: its next due date stands.
      return;
    }
    managementService.setJobDuedate(timer.getId(), dueDate, true);
    org.pilotlifecycle.engine.SystemQueries.asSystem(identityService, () -> {
      for (var task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKeyIn(ProductionOperationsProcess.TASK_PROVIDE_RECERTIFICATION_EVIDENCE,
              ProductionOperationsProcess.TASK_RECERTIFY).list()) {
        task.setDueDate(dueDate);
        taskService.saveTask(task);
      }
      return null;
    });
    registry.scheduleRecertification(variables.pilotKey(), due, null, variables.actor());
    execution.setVariable(RECERTIFICATION_DUE_AT, dueDate);
  }
}
