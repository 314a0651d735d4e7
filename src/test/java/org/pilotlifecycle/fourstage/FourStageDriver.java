package org.pilotlifecycle.fourstage;

import static org.pilotlifecycle.fourstage.FourStageProcess.*;

import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.pilotlifecycle.fourstage.FourStageProcess.Dimension;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.support.ProcessDriver;

/** Works a pilot through the four stages as the roles do in Tasklist, with the weekly clock. */
public final class FourStageDriver extends ProcessDriver {

  public FourStageDriver(ProcessEngine engine) {
    super(engine);
  }

  public ProcessInstance start(PilotIntakeService intake, PilotRegistration registration) {
    return start(intake, registration, PROCESS_ID);
  }

  /** Stage 1 with the given scores, up to the signed go/no-go. */
  public void validate(ProcessInstance instance, int score, Dimension... low) {
    work("paul", instance, TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE, FourStageForms.validationEvidence());
    work("tara", instance, TASK_ASSESS_READINESS_GAPS, FourStageForms.scores(score, low));
    work("sam", instance, TASK_SIGN_GO_NO_GO, FourStageForms.approve());
  }

  public void buildArchitecture(ProcessInstance instance) {
    work("tara", instance, TASK_BUILD_DATA_PIPELINES, FourStageForms.dataPipelines());
    work("tara", instance, TASK_BUILD_INTEGRATION_CONNECTORS, FourStageForms.integrationConnectors());
    work("rita", instance, TASK_DOCUMENT_GOVERNANCE, FourStageForms.governanceDocumentation());
  }

  public void reassess(ProcessInstance instance, int score) {
    work("tara", instance, TASK_REASSESS_PRODUCTION_READINESS, FourStageForms.reassessment(score));
  }

  public void startEmbedding(ProcessInstance instance) {
    work("chris", instance, TASK_PREPARE_ORGANIZATIONAL_EMBEDDING, FourStageForms.embeddingPlan());
  }

  /** One week of the adoption programme: the week ends, the change manager records adoption. */
  public void adoptionWeek(ProcessInstance instance, double rate) {
    moveClockBy(Duration.ofDays(7));
    fireDueTimers(instance, TIMER_ADOPTION_WEEK_OVER);
    work("chris", instance, TASK_RECORD_WEEKLY_ADOPTION, FourStageForms.adoption(rate));
  }

  public void signOffAdoption(ProcessInstance instance) {
    work("chris", instance, TASK_CONFIRM_ADOPTION_RESULTS, FourStageForms.adoptionResults());
    work("olivia", instance, TASK_SIGN_OFF_ADOPTION, FourStageForms.approve());
  }

  public void scale(ProcessInstance instance) {
    work("paul", instance, TASK_PLAN_EXPANSION, FourStageForms.expansionPlan());
    work("tara", instance, TASK_CODIFY_DEPLOYMENT_PLAYBOOK, FourStageForms.playbook());
    work("rita", instance, TASK_CERTIFY_FOR_PRODUCTION, FourStageForms.approve());
  }

  public void passStage1(ProcessInstance instance) {
    validate(instance, 4);
  }

  public void passStage2(ProcessInstance instance) {
    buildArchitecture(instance);
    reassess(instance, 4);
  }

  public void passStage3(ProcessInstance instance) {
    startEmbedding(instance);
    adoptionWeek(instance, 65);
    adoptionWeek(instance, 70);
    signOffAdoption(instance);
  }
}
