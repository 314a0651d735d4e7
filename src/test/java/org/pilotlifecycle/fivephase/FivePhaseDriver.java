package org.pilotlifecycle.fivephase;

import static org.pilotlifecycle.fivephase.FivePhaseProcess.*;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.support.ProcessDriver;

/** Works a pilot through the five phases as the roles do in Tasklist. */
public final class FivePhaseDriver extends ProcessDriver {

  public FivePhaseDriver(ProcessEngine engine) {
    super(engine);
  }

  public ProcessInstance start(PilotIntakeService intake, PilotRegistration registration) {
    return start(intake, registration, PROCESS_ID);
  }

  public void passPhase1(ProcessInstance instance) {
    work("paul", instance, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    work("olivia", instance, TASK_SIGN_OFF_SUCCESS_METRIC, FivePhaseForms.approve());
  }

  public void submitPhase2(ProcessInstance instance) {
    work("tara", instance, TASK_ASSESS_DATA_READINESS, FivePhaseForms.dataReadiness(3));
    work("tara", instance, TASK_MEASURE_PRODUCTION_PERFORMANCE, FivePhaseForms.productionPerformance(0.90, 0.86));
  }

  public void passPhase2(ProcessInstance instance) {
    submitPhase2(instance);
    work("theo", instance, TASK_APPROVE_DATA_READINESS, FivePhaseForms.approve());
  }

  public void submitPhase3(ProcessInstance instance) {
    work("tara", instance, TASK_PROVIDE_MLOPS_EVIDENCE, FivePhaseForms.mlopsEvidence(true));
    work("paul", instance, TASK_BUILD_COST_MODEL, FivePhaseForms.costModel(120000, 480000, null));
  }

  public void passPhase3(ProcessInstance instance) {
    submitPhase3(instance);
    work("theo", instance, TASK_APPROVE_MLOPS_READINESS, FivePhaseForms.approve());
  }

  public void submitPhase4(ProcessInstance instance) {
    work("paul", instance, TASK_REVIEW_RISK_INPUTS, FivePhaseForms.riskInputs(false, "ADVISORY"));
    work("paul", instance, TASK_PROVIDE_GOVERNANCE_EVIDENCE, FivePhaseForms.governanceEvidence());
  }

  public void passPhase4(ProcessInstance instance) {
    submitPhase4(instance);
    work("rita", instance, TASK_SIGN_OFF_GOVERNANCE, FivePhaseForms.approve());
  }

  public void passPhase5(ProcessInstance instance) {
    work("chris", instance, TASK_PROVIDE_OPERATING_MODEL_EVIDENCE, FivePhaseForms.operatingModelEvidence());
    work("sam", instance, TASK_APPROVE_PRODUCTION, FivePhaseForms.approve());
  }

  public void passAll(ProcessInstance instance) {
    passPhase1(instance);
    passPhase2(instance);
    passPhase3(instance);
    passPhase4(instance);
    passPhase5(instance);
  }
}
