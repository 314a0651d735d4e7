package org.pilotlifecycle.production;

import static org.pilotlifecycle.production.ProductionOperationsProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.pilotlifecycle.engine.SystemQueries;
import org.pilotlifecycle.pilot.PilotEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Both frameworks hand a pilot to its production operations: when it reaches production (five-phase: "Mark pilot
 * in production"; four-stage: "Mark pilot at enterprise scale"), {@code ProductionOperations} starts with the pilot
 * key as business key, in the transaction that marks the pilot IN_PRODUCTION.
 */
@Component
class ProductionStart {

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ProductionProperties properties;

  ProductionStart(RuntimeService runtimeService, IdentityService identityService, ProductionProperties properties) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.properties = properties;
  }

  @EventListener
  void on(PilotEvent.ReachedProduction event) {
    SystemQueries.asSystem(identityService, () -> runtimeService.createMessageCorrelation(MESSAGE_PILOT_REACHED_PRODUCTION)
        .processInstanceBusinessKey(event.pilotKey())
        .setVariables(Map.of(Variables.PILOT_KEY, event.pilotKey(),
            Variables.EXECUTIVE_REVIEW_CYCLE, properties.executiveReviewCycle()))
        .correlateStartMessage());
  }
}
