package org.pilotlifecycle.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.tika.Tika;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.engine.SystemQueries;
import org.pilotlifecycle.engine.TaskCandidates;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.Viewers;
import org.pilotlifecycle.web.FieldProblem;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files of a pilot's phases and stages (issue 16). Whoever holds an open task of the pilot (its assignee,
 * a named candidate, or a member of a candidate group) attaches files to the pilot's current phase or stage; a file
 * of a name already there is its next version, and earlier versions stay (nothing is deleted while the pilot's data
 * is retained). Each version keeps its SHA-256, size, the media type Apache Tika detects from its bytes (and name),
 * who uploaded it and when; the upload is an EVIDENCE_ADDED entry of the audit trail.
 */
@Service
public class EvidenceFiles {

  /** Longest file name kept, in characters, after sanitising. */
  static final int MAX_NAME = 200;

  private final EvidenceRepository files;
  private final EvidenceContentRepository contents;
  private final PilotRegistry registry;
  private final PilotAuditTrail auditTrail;
  private final Viewers viewers;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final EvidenceProperties properties;
  private final Clock clock;
  private final StepEvidenceVariables stepEvidence;
  private final Tika tika = new Tika();

  EvidenceFiles(EvidenceRepository files, EvidenceContentRepository contents, PilotRegistry registry,
      PilotAuditTrail auditTrail, Viewers viewers, TaskService taskService, IdentityService identityService,
      EvidenceProperties properties, Clock clock, StepEvidenceVariables stepEvidence) {
    this.stepEvidence = stepEvidence;
    this.files = files;
    this.contents = contents;
    this.registry = registry;
    this.auditTrail = auditTrail;
    this.viewers = viewers;
    this.taskService = taskService;
    this.identityService = identityService;
    this.properties = properties;
    this.clock = clock;
  }

  /** The person uploading: their user id and groups, as Spring Security authenticated them. */
  private record Caller(String userId, List<String> groups) {

    static Caller current() {
      org.springframework.security.core.Authentication authentication =
          org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
      if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
        return null;
      }
      return new Caller(authentication.getName(), authentication.getAuthorities().stream()
          .map(org.springframework.security.core.GrantedAuthority::getAuthority).toList());
    }
  }

  /** A downloaded version: what it is and its bytes. */
  public record Download(EvidenceView file, byte[] content) {
  }

  /**
   * Attaches a file to the pilot's current phase or stage, through one of the pilot's open tasks the caller holds.
   *
   * @param taskId the open task the file is evidence for
   * @param originalName the file's name as the client sent it (sanitised: no path, no control characters)
   * @throws org.pilotlifecycle.pilot.PilotNotFoundException 404 for a pilot the caller does not see
   * @throws InvalidFieldsException 400: no such open task of the pilot held by the caller, an empty file or name
   * @throws EvidenceRefusedException 413 above {@code pilot.evidence.max-size}; 415 for a type not allowed
   */
  @Transactional
  public EvidenceView upload(String pilotKey, String taskId, String originalName, byte[] content) {
    Pilot pilot = registry.get(pilotKey, viewers.current());
    Caller caller = Caller.current();
    if (caller == null) {
      throw InvalidFieldsException.refused("file", "Evidence is added by a person signed in");
    }
    Task task = heldTask(pilotKey, taskId, caller);
    if (content == null || content.length == 0) {
      throw InvalidFieldsException.of("file", "the file is empty");
    }
    if (content.length > properties.maxSize().toBytes()) {
      throw new EvidenceRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "Evidence file too large", "The file has "
          + content.length + " bytes; evidence files may have at most " + properties.maxSize().toBytes() + " bytes ("
          + properties.maxSize().toMegabytes() + " MB).");
    }
    String name = sanitise(originalName);
    String mediaType = tika.detect(content, name);
    if (!properties.allowedTypes().contains(mediaType)) {
      throw new EvidenceRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Evidence file type not allowed",
          "The file's content is " + mediaType + ", which is not allowed as evidence; allowed: "
              + String.join(", ", properties.allowedTypes()) + ".");
    }
    String step = pilot.getCurrentStep();
    registry.lock(pilot.getId());
    int version = files.latestVersion(pilot.getId(), step, name) + 1;
    EvidenceFile file = files.saveAndFlush(new EvidenceFile(pilot.getId(), step, task.getId(), task.getName(), name,
        version, mediaType, content.length, sha256(content), caller.userId(), clock.instant()));
    contents.save(new EvidenceContent(file.getId(), content));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("fileId", file.getId());
    details.put("version", version);
    details.put("sha256", file.getSha256());
    details.put("mediaType", mediaType);
    details.put("sizeBytes", content.length);
    details.put("taskId", task.getId());
    auditTrail.record(pilotKey, AuditRecord.of(AuditEntryType.EVIDENCE_ADDED, step).name(truncate(name, 100))
        .actor(caller.userId()).outcome("V" + version).details(details));
    stepEvidence.publish(pilot.getKey(), step, files.findByPilotIdAndStepOrderByNameAscVersionAsc(pilot.getId(), step)
        .stream().map(each -> EvidenceView.of(pilot.getKey(), each)).toList());
    return EvidenceView.of(pilotKey, file);
  }

  /**
   * Every version of the pilot's evidence, of one phase or stage when given, by step, name and version.
   *
   * @throws org.pilotlifecycle.pilot.PilotNotFoundException 404 for a pilot the caller does not see
   */
  @Transactional(readOnly = true)
  public List<EvidenceView> list(String pilotKey, String step) {
    Pilot pilot = registry.get(pilotKey, viewers.current());
    List<EvidenceFile> found = step == null || step.isBlank()
        ? files.findByPilotIdOrderByStepAscNameAscVersionAsc(pilot.getId())
        : files.findByPilotIdAndStepOrderByNameAscVersionAsc(pilot.getId(), step);
    return found.stream().map(file -> EvidenceView.of(pilot.getKey(), file)).toList();
  }

  /**
   * One version's bytes.
   *
   * @throws org.pilotlifecycle.pilot.PilotNotFoundException 404 for a pilot the caller does not see
   * @throws EvidenceNotFoundException 404 for a file that is not the pilot's
   */
  @Transactional(readOnly = true)
  public Download download(String pilotKey, long fileId) {
    Pilot pilot = registry.get(pilotKey, viewers.current());
    EvidenceFile file = files.findById(fileId).filter(found -> found.getPilotId().equals(pilot.getId()))
        .orElseThrow(() -> new EvidenceNotFoundException(pilotKey, fileId));
    byte[] content = contents.findById(fileId).map(EvidenceContent::getContent)
        .orElseThrow(() -> new EvidenceNotFoundException(pilotKey, fileId));
    return new Download(EvidenceView.of(pilot.getKey(), file), content);
  }

  /**
   * What a gate approves: every version of the step's evidence at this moment, as the gate decision records it
   * (name, version, SHA-256, who uploaded it and when). Read as the system, in the decision's transaction.
   */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> approvedWith(String pilotKey, String step) {
    Pilot pilot = registry.get(pilotKey);
    List<Map<String, Object>> approved = new ArrayList<>();
    for (EvidenceFile file : files.findByPilotIdAndStepOrderByNameAscVersionAsc(pilot.getId(), step)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("fileId", file.getId());
      entry.put("name", file.getName());
      entry.put("version", file.getVersion());
      entry.put("sha256", file.getSha256());
      entry.put("uploadedBy", file.getUploadedBy());
      entry.put("uploadedAt", file.getUploadedAt().toString());
      approved.add(entry);
    }
    return approved;
  }

  /** The open task of the pilot the caller holds (assignee, named candidate, or candidate group), or a 400. */
  private Task heldTask(String pilotKey, String taskId, Caller caller) {
    if (taskId == null || taskId.isBlank() || taskId.length() > 64) {
      throw InvalidFieldsException.of("taskId", "name the open task of the pilot the file is evidence for");
    }
    return SystemQueries.asSystem(identityService, () -> {
      Task task = taskService.createTaskQuery().taskId(taskId).processInstanceBusinessKey(pilotKey).singleResult();
      if (task == null || !holds(task, caller)) {
        throw new InvalidFieldsException("No such task", "No open task " + taskId + " of pilot " + pilotKey
            + " that you hold: evidence is added through one of the pilot's open tasks you may work on.",
            List.of(new FieldProblem("taskId", "not an open task of this pilot that you hold")));
      }
      return task;
    });
  }

  private boolean holds(Task task, Caller caller) {
    if (caller.userId().equals(task.getAssignee())) {
      return true;
    }
    if (task.getAssignee() != null) {
      return false;
    }
    return TaskCandidates.linked(taskService, task.getId()).include(caller.userId(), caller.groups());
  }

  /**
   * The name kept: the last path segment, Unicode-normalised (NFC), without control or format characters and without
   * characters a file system or a header would misread, at most {@value #MAX_NAME} characters.
   *
   * @throws InvalidFieldsException 400 when nothing is left
   */
  static String sanitise(String originalName) {
    String name = originalName == null ? "" : originalName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC)
        .replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]", "")
        .replaceAll("[<>:\"|?*;%]", "_")
        .strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.isEmpty()) {
      throw InvalidFieldsException.of("file", "the file needs a name");
    }
    return truncate(name, MAX_NAME);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

}
