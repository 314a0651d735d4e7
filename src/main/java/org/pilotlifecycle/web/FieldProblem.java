package org.pilotlifecycle.web;

/** One bad field of a request: its name and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
