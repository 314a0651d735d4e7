package org.pilotlifecycle.framework;

/** The published framework that governs a pilot's way to production. */
public enum Framework {
  /** Five-phase operationalization: outcome, data, MLOps, governance, operating model. */
  FIVE_PHASE,
  /** Four-stage scaling: pilot validation, production architecture, organizational embedding, enterprise scale. */
  FOUR_STAGE
}
