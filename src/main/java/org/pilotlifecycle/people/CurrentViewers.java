package org.pilotlifecycle.people;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.pilotlifecycle.engine.CurrentUser;
import org.pilotlifecycle.pilot.Viewer;
import org.pilotlifecycle.pilot.Viewers;
import org.springframework.stereotype.Component;

/** The viewer of the current request: the engine's authenticated user, their groups, and whom they deputise for. */
@Component
class CurrentViewers implements Viewers {

  private final ProcessEngine engine;
  private final Deputies deputies;

  CurrentViewers(ProcessEngine engine, Deputies deputies) {
    this.engine = engine;
    this.deputies = deputies;
  }

  @Override
  public Viewer current() {
    String user = CurrentUser.of(engine);
    if (user == null) {
      return Viewer.system();
    }
    List<String> groups = CurrentUser.groupsOf(engine);
    Set<String> actsAs = new LinkedHashSet<>();
    actsAs.add(user);
    actsAs.addAll(deputies.principalsOf(user));
    return Viewer.of(user, actsAs, PilotPeople.oversees(groups), groups);
  }
}
