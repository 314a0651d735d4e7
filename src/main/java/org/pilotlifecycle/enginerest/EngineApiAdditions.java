package org.pilotlifecycle.enginerest;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;

import org.pilotlifecycle.web.Json;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the application's guards and answers into every Jersey application of the server: the engine REST
 * API and Camunda's webapp applications, whose engine API ({@code /camunda/api/engine}) is what Tasklist and
 * Cockpit use. So every rule holds on both doors: the entrance list ({@link EngineApiEntrances}), forms
 * checked on the server ({@link FormSubmissionGuard}), conflicts and vanished tasks as 409/404 (also a server error on a task completed meanwhile: {@link TaskGoneMidwayConflict}), and every
 * error as problem details. Listed in {@code META-INF/services}, because the webapps' applications are
 * Camunda's own classes, out of reach of a Spring customizer; the engine REST API gets the same components
 * from {@link EngineRestConfiguration} first, and they are not registered twice.
 */
public class EngineApiAdditions implements ForcedAutoDiscoverable {

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiAdditions.class);


  @Override
  public void configure(FeatureContext context) {
    Configuration configuration = context.getConfiguration();
    if (!configuration.isRegistered(EngineApiEntrances.class)) {
      context.register(EngineApiEntrances.class);
    }
    if (!configuration.isRegistered(FormSubmissionGuard.class)) {
      context.register(FormSubmissionGuard.class);
    }
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
    if (engine == null) {
      LOG.warn("Jersey application configured before the process engine: its errors keep Camunda's own answers");
      return;
    }
    if (!configuration.isRegistered(ConcurrentChangeMapper.class)) {
      context.register(new ConcurrentChangeMapper(engine.getTaskService(), engine.getHistoryService(),
          engine.getIdentityService()));
    }
    if (!configuration.isRegistered(VanishedTaskMapper.class)) {
      context.register(new VanishedTaskMapper(engine.getTaskService(), engine.getHistoryService(),
          engine.getIdentityService()));
    }
    if (!configuration.isRegistered(NullInRequestMapper.class)) {
      context.register(new NullInRequestMapper());
    }
    if (!configuration.isRegistered(IllegalArgumentMapper.class)) {
      context.register(new IllegalArgumentMapper());
    }
    if (!configuration.isRegistered(UnknownIdNotFound.class)) {
      context.register(new UnknownIdNotFound(engine));
    }
    if (!configuration.isRegistered(TaskGoneMidwayConflict.class)) {
      context.register(new TaskGoneMidwayConflict(engine.getTaskService(), engine.getHistoryService(),
          engine.getIdentityService()));
    }
    if (!configuration.isRegistered(EngineRefusalMapper.class)) {
      context.register(new EngineRefusalMapper());
    }
    if (!configuration.isRegistered(StaleDataMapper.class)) {
      context.register(new StaleDataMapper());
    }
    if (!configuration.isRegistered(ProblemExceptionMapper.class)) {
      context.register(new ProblemExceptionMapper());
    }
    if (!configuration.isRegistered(EngineRestProblemDetails.class)) {
      context.register(new EngineRestProblemDetails(Json.mapper()));
    }
  }
}
