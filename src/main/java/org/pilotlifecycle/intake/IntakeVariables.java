package org.pilotlifecycle.intake;

import org.pilotlifecycle.web.Json;

import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.pilotlifecycle.pilot.Autonomy;
import org.pilotlifecycle.web.FieldProblem;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.PilotRegistration;

/**
 * Converts between a registration and the process variables the start form submits. Values of the
 * wrong type become field problems, not exceptions, so the user is told what to correct.
 */
final class IntakeVariables {


  private IntakeVariables() {
  }

  static Map<String, Object> of(PilotRegistration registration) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(PILOT_KEY, registration.key());
    variables.put(NAME, registration.name());
    variables.put(BUSINESS_UNIT, registration.businessUnit());
    variables.put(USE_CASE_DESCRIPTION, registration.useCaseDescription());
    variables.put(FRAMEWORK, registration.framework() == null ? null : registration.framework().name());
    variables.put(EXECUTIVE_OWNER, registration.executiveOwner());
    variables.put(AI_PRODUCT_OWNER, registration.aiProductOwner());
    variables.put(TECH_LEAD, registration.techLead());
    variables.put(RISK_COMPLIANCE_OWNER, registration.riskComplianceOwner());
    variables.put(CHANGE_MANAGER, registration.changeManager());
    variables.put(LINE_MANAGER, registration.lineManager());
    variables.put(AFFECTS_INDIVIDUALS, registration.affectsIndividuals());
    variables.put(REGULATED_DOMAIN, registration.regulatedDomain());
    variables.put(PROCESSES_PERSONAL_DATA, registration.processesPersonalData());
    variables.put(AUTONOMY, registration.autonomy() == null ? null : registration.autonomy().name());
    // Forms show numbers as doubles; the registry keeps the exact decimal.
    variables.put(PILOT_COST, registration.pilotCost() == null ? null : registration.pilotCost().doubleValue());
    variables.put(PROJECTED_PRODUCTION_COST,
        registration.projectedProductionCost() == null ? null : registration.projectedProductionCost().doubleValue());
    variables.put(STEP_DURATIONS, registration.stepDurations() == null || registration.stepDurations().isEmpty()
        ? null : toJson(registration.stepDurations()));
    return variables;
  }

  private static String toJson(Map<String, String> value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Map<String, String> durations(VariableScope scope, List<FieldProblem> problems) {
    Object value = scope.getVariable(STEP_DURATIONS);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return Json.mapper().readValue(value.toString(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      problems.add(new FieldProblem(STEP_DURATIONS, "must be a JSON object of phase or stage to ISO-8601 period"));
      return null;
    }
  }

  /** The registration the variables describe, and every value that could not be read. */
  static Read read(VariableScope scope) {
    List<FieldProblem> problems = new ArrayList<>();
    PilotRegistration registration = new PilotRegistration(
        text(scope, PILOT_KEY),
        text(scope, NAME),
        text(scope, BUSINESS_UNIT),
        text(scope, USE_CASE_DESCRIPTION),
        enumValue(scope, FRAMEWORK, Framework.class, problems),
        text(scope, EXECUTIVE_OWNER),
        text(scope, AI_PRODUCT_OWNER),
        text(scope, TECH_LEAD),
        text(scope, RISK_COMPLIANCE_OWNER),
        text(scope, CHANGE_MANAGER),
        text(scope, LINE_MANAGER),
        flag(scope, AFFECTS_INDIVIDUALS, problems),
        flag(scope, REGULATED_DOMAIN, problems),
        flag(scope, PROCESSES_PERSONAL_DATA, problems),
        enumValue(scope, AUTONOMY, Autonomy.class, problems),
        amount(scope, PILOT_COST, problems),
        amount(scope, PROJECTED_PRODUCTION_COST, problems),
        durations(scope, problems));
    return new Read(registration, problems);
  }

  record Read(PilotRegistration registration, List<FieldProblem> conversionProblems) {
  }

  // The form's field for the registration's "key" is called pilotKey.
  static String fieldName(String registrationProperty) {
    return "key".equals(registrationProperty) ? PILOT_KEY : registrationProperty;
  }

  /** The registration's property behind a form field (the API's name for it). */
  static String propertyName(String formField) {
    return PILOT_KEY.equals(formField) ? "key" : formField;
  }

  private static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static Boolean flag(VariableScope scope, String name, List<FieldProblem> problems) {
    return convert(scope, name, problems, "must be true or false", value -> {
      if (value instanceof Boolean b) {
        return b;
      }
      String text = value.toString();
      if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
        return Boolean.valueOf(text);
      }
      throw new IllegalArgumentException(text);
    });
  }

  private static BigDecimal amount(VariableScope scope, String name, List<FieldProblem> problems) {
    return convert(scope, name, problems, "must be a number", value -> new BigDecimal(value.toString().strip()));
  }

  private static <E extends Enum<E>> E enumValue(VariableScope scope, String name, Class<E> type,
      List<FieldProblem> problems) {
    String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    return convert(scope, name, problems, "must be one of " + allowed, value -> Enum.valueOf(type, value.toString()));
  }

  private static <T> T convert(VariableScope scope, String name, List<FieldProblem> problems, String message,
      Function<Object, T> conversion) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    try {
      return conversion.apply(value);
    } catch (RuntimeException e) {
      problems.add(new FieldProblem(name, message));
      return null;
    }
  }
}
