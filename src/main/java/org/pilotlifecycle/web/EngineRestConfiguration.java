package org.pilotlifecycle.web;

import org.camunda.bpm.engine.IdentityService;
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
}
