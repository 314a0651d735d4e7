package org.pilotlifecycle.pilot;

public class PilotNotFoundException extends RuntimeException {

  public PilotNotFoundException(String key) {
    super("No pilot with key " + key);
  }
}
