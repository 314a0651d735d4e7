package org.pilotlifecycle.pilot;

/**
 * The port through which the pilot module learns who is looking (the current request's user, their groups and
 * whom they stand in for as deputy); implemented where deputies are known.
 */
public interface Viewers {

  /** The viewer of the current request or engine command; {@link Viewer#system()} when no user acts. */
  Viewer current();
}
