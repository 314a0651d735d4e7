package org.pilotlifecycle.evidence;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.pilotlifecycle.engine.SystemQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a gate's sign-off form lists of its step's evidence: after every upload, the process variable
 * {@code evidence_<STEP>} (e.g. {@code evidence_DATA_READINESS}) of each of the pilot's process instances holds one
 * line per version, name (a link to its download), version, SHA-256, who and when; the gate forms show it with
 * {@code {{evidence_<STEP>}}}. File names are escaped, so that a name is shown as text and never as markup.
 */
@Component
class StepEvidenceVariables {

  static final String PREFIX = "evidence_";

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final DateTimeFormatter time;

  StepEvidenceVariables(RuntimeService runtimeService, IdentityService identityService,
      @Value("${pilot.time-zone:UTC}") String timeZone) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(timeZone));
  }

  void publish(String pilotKey, String step, List<EvidenceView> files) {
    String text = files.stream().map(this::line).reduce((a, b) -> a + "\n" + b).orElse("No evidence files yet.");
    SystemQueries.asSystem(identityService, () -> {
      for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pilotKey)
          .active().list()) {
        runtimeService.setVariable(instance.getId(), PREFIX + step, text);
      }
      return null;
    });
  }

  private String line(EvidenceView file) {
    return "- [" + escape(file.name()) + "](" + file.downloadUrl() + ") v" + file.version() + " · SHA-256 `"
        + file.sha256() + "` · " + escape(file.uploadedBy()) + " · " + time.format(file.uploadedAt());
  }

  /** Letters, digits, spaces and non-ASCII symbols as they are; ASCII punctuation backslash-escaped (Markdown). */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c < 128 && !Character.isLetterOrDigit(c) && c != ' ') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
