package org.pilotlifecycle.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.pilotlifecycle.fivephase.FivePhaseDriver;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.support.ProcessDriver;
import org.pilotlifecycle.support.Registrations;

/** Takes a pilot to production through the five phases and works its production operations as the roles do. */
public final class ProductionDriver extends ProcessDriver {

  private final FivePhaseDriver five;

  public ProductionDriver(ProcessEngine engine) {
    super(engine);
    this.five = new FivePhaseDriver(engine);
  }

  /** A low-risk five-phase pilot (olivia, paul, tara, rita, chris, lena) in production: its production operations. */
  public ProcessInstance inProduction(PilotIntakeService intake, String prefix) {
    return inProduction(intake, Registrations.lowRisk(Registrations.newKey(prefix), Framework.FIVE_PHASE));
  }

  public ProcessInstance inProduction(PilotIntakeService intake, PilotRegistration registration) {
    ProcessInstance framework = five.start(intake, registration);
    five.passAll(framework);
    ProcessInstance operations = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProductionOperationsProcess.PROCESS_ID).processInstanceBusinessKey(registration.key())
        .singleResult();
    assertThat(operations).as("production operations of " + registration.key()).isNotNull();
    runChecks(operations);
    return operations;
  }

  /** The KPIs of a checkpoint: the business KPI measured, model and risk KPIs on target unless changed. */
  public static Map<String, Object> realisedValue(double measured) {
    Map<String, Object> form = new HashMap<>();
    form.put("businessKpiMeasured", measured);
    form.put("modelAccuracyPercent", 91.5);
    form.put("modelDriftPercent", 3.0);
    form.put("modelLatencyMs", 220);
    form.put("incidentCount", 0);
    form.put("policyViolationCount", 0);
    form.put("auditFindingCount", 0);
    form.put("valueNotes", "Median over the last 30 days");
    return form;
  }

  public static Map<String, Object> decision(String field, String choice, String reasonField, String reason) {
    Map<String, Object> form = new HashMap<>();
    form.put(field, choice);
    if (reasonField != null) {
      form.put(reasonField, reason);
    }
    return form;
  }
}
