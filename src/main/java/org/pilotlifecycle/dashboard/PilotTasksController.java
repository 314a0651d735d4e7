package org.pilotlifecycle.dashboard;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Pilots")
class PilotTasksController {

  private final PilotTasks pilotTasks;

  PilotTasksController(PilotTasks pilotTasks) {
    this.pilotTasks = pilotTasks;
  }

  @GetMapping("/api/pilots/{key}/tasks")
  @Operation(summary = "The pilot's open tasks, oldest first, with who holds each (assignee, named people, groups) and "
      + "its Tasklist link; 404 for a pilot the caller does not see, as for an unknown key")
  List<PilotTask> openTasks(@PathVariable String key) {
    return pilotTasks.openTasks(key);
  }
}
