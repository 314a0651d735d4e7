package org.pilotlifecycle.web;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Additions to the engine REST API (Camunda's Jersey application). */
@Configuration
class EngineRestConfiguration {

  @Bean
  ResourceConfigCustomizer concurrentChangeAsConflict(TaskService taskService, IdentityService identityService) {
    return config -> {
      config.register(ConcurrentChangeMapper.class);
      config.register(new VanishedTaskMapper(taskService, identityService));
    };
  }

  /** Form submissions checked against the deployed form on the server, too. */
  @Bean
  ResourceConfigCustomizer formSubmissionsValidated(FormService formService, RepositoryService repositoryService) {
    return config -> config.register(new FormSubmissionGuard(formService, repositoryService));
  }

  /** Errors as RFC 7807 problem details that keep Camunda's fields for the webapps. */
  @Bean
  ResourceConfigCustomizer errorsAsProblemDetails() {
    return config -> config.register(EngineRestProblemDetails.class);
  }
}
