package org.pilotlifecycle.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * An open task of a pilot, as its page lists it.
 *
 * @param taskDefinitionKey the BPMN user task's id, e.g. {@code Task_SignOffGovernance}
 * @param processDefinitionKey the process it belongs to, e.g. {@code FivePhaseOperationalization}
 * @param assignee who claimed it, or null
 * @param candidateUsers the named people who may take it (sorted); {@code candidateGroups} the groups standing in
 * @param tasklistUrl where it opens in Tasklist, relative to the application
 */
public record PilotTask(String id, String name, String taskDefinitionKey, String processDefinitionKey,
    Instant created, Instant due, String assignee, List<String> candidateUsers, List<String> candidateGroups,
    String tasklistUrl) {
}
