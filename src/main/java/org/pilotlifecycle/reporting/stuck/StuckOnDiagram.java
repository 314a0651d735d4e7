package org.pilotlifecycle.reporting.stuck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where in one process definition's diagram pilots are stuck, for Cockpit's diagram overlay: per activity (BPMN
 * element id) the number of stuck pilots per reason and the longest stuck of them.
 *
 * @param processDefinitionId the definition (one version) whose diagram this is
 * @param total stuck pilots waiting in instances of this definition, each reason counted
 * @param activities the activities where pilots are stuck, the most stuck pilots first
 */
public record StuckOnDiagram(String processDefinitionId, String processDefinitionKey, int processDefinitionVersion,
    long total, List<StuckActivity> activities) {

  /**
   * @param activityId the BPMN element id
   * @param counts stuck pilots per reason, every reason present (0 when none)
   * @param pilots the longest stuck first, at most as many as asked for; {@code total} counts them all. Each names
   *     where it waits itself: at a call activity, its {@code activityId} and {@code processInstanceId} are those
   *     in the called process
   */
  public record StuckActivity(String activityId, String activityName, long total, Map<StuckReason, Long> counts,
      List<StuckPilot> pilots) {
  }

  /**
   * @param stuck the stuck pilots by the diagram's activity they show at: the activity they wait at, or the call
   *     activity of the process they wait in
   */
  static StuckOnDiagram of(String processDefinitionId, String processDefinitionKey, int version,
      Map<String, List<StuckPilot>> stuck, java.util.function.UnaryOperator<String> activityNames, int listed) {
    Map<String, List<StuckPilot>> byActivity = new LinkedHashMap<>();
    stuck.forEach((activityId, pilots) -> byActivity.put(activityId, pilots.stream()
        .sorted(Comparator.comparingLong(StuckPilot::overdueSeconds).reversed()
            .thenComparing(StuckPilot::pilotKey).thenComparing(StuckPilot::reason))
        .toList()));
    List<StuckActivity> activities = new ArrayList<>();
    byActivity.forEach((activityId, pilots) -> {
      Map<StuckReason, Long> counts = new EnumMap<>(StuckReason.class);
      for (StuckReason reason : StuckReason.values()) {
        counts.put(reason, pilots.stream().filter(pilot -> pilot.reason() == reason).count());
      }
      if (pilots.isEmpty()) {
        return;
      }
      activities.add(new StuckActivity(activityId, activityNames.apply(activityId), pilots.size(), counts,
          List.copyOf(pilots.subList(0, Math.min(listed, pilots.size())))));
    });
    activities.sort(Comparator.comparingLong(StuckActivity::total).reversed().thenComparing(StuckActivity::activityId));
    long total = activities.stream().mapToLong(StuckActivity::total).sum();
    return new StuckOnDiagram(processDefinitionId, processDefinitionKey, version, total, List.copyOf(activities));
  }
}
