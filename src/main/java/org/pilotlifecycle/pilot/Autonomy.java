package org.pilotlifecycle.pilot;

/** How far the AI system acts on its own: one of the risk inputs. */
public enum Autonomy {
  /** People decide; the system advises. */
  ADVISORY,
  /** People approve each decision the system proposes. */
  HUMAN_APPROVED,
  /** The system acts without a person in between. */
  AUTONOMOUS
}
