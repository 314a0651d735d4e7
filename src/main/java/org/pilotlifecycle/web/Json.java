package org.pilotlifecycle.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The application's {@code ObjectMapper} for code that Spring does not construct: Jersey's filters in Camunda's
 * own applications, static rules that read or write small JSON values (a pilot's step durations, a form). Spring
 * hands its mapper over when the context starts; before that (plain unit tests) a default one serves. Beans
 * take the mapper by injection instead.
 */
@Component
public final class Json {

  private static volatile ObjectMapper mapper = new ObjectMapper();

  Json(ObjectMapper applicationMapper) {
    mapper = applicationMapper;
  }

  /** The application's mapper once the context has started. */
  public static ObjectMapper mapper() {
    return mapper;
  }
}
