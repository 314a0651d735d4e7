package org.pilotlifecycle.enginerest;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Additions to the engine REST API (Camunda's Jersey application). The form validation is added to every
 * Jersey application by {@link EngineApiAdditions}.
 */
@Configuration
class EngineRestConfiguration {

  @Bean
  ResourceConfigCustomizer concurrentChangeAsConflict(TaskService taskService, HistoryService historyService,
      IdentityService identityService, org.camunda.bpm.engine.ProcessEngine engine) {
    return config -> {
      config.register(new UnknownIdNotFound(engine));
      config.register(new ConcurrentChangeMapper(taskService, historyService, identityService));
      config.register(new VanishedTaskMapper(taskService, historyService, identityService));
      config.register(new NullInRequestMapper());
      config.register(new IllegalArgumentMapper());
      config.register(new TaskGoneMidwayConflict(taskService, historyService, identityService));
      config.register(new EngineRefusalMapper());
      config.register(new ProblemExceptionMapper());
      config.register(new StaleDataMapper());
    };
  }

  /** Errors as RFC 7807 problem details that keep Camunda's fields for the webapps. */
  @Bean
  ResourceConfigCustomizer errorsAsProblemDetails(ObjectMapper json) {
    return config -> config.register(new EngineRestProblemDetails(json));
  }
}
