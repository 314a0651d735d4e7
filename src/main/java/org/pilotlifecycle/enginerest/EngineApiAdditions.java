package org.pilotlifecycle.enginerest;

import jakarta.ws.rs.core.FeatureContext;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts the server-side form validation into every Jersey application of the server: the engine REST API
 * and Camunda's webapp applications, whose engine API ({@code /camunda/api/engine}) is what Tasklist
 * submits forms through. Listed in {@code META-INF/services}, because the webapps' applications are
 * Camunda's own classes, out of reach of a Spring customizer.
 */
public class EngineApiAdditions implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(FormSubmissionGuard.class)) {
      context.register(FormSubmissionGuard.class);
    }
  }
}
