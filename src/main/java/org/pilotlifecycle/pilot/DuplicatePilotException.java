package org.pilotlifecycle.pilot;

/** A pilot with this key is already registered. */
public class DuplicatePilotException extends RuntimeException {

  private final String key;

  public DuplicatePilotException(String key, Throwable cause) {
    super("A pilot with key " + key + " is already registered", cause);
    this.key = key;
  }

  public String getKey() {
    return key;
  }
}
