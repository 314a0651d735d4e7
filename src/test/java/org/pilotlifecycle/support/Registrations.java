package org.pilotlifecycle.support;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.pilotlifecycle.pilot.Autonomy;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.PilotRegistration;

/** Valid registrations to start from; each call gets a fresh key. */
public final class Registrations {

  private Registrations() {
  }

  public static String newKey(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  public static PilotRegistration lowRisk(String key, Framework framework) {
    return new PilotRegistration(key, "Claims triage assistant", "Claims operations",
        "Route incoming claims to the right handler; reduce claims processing time by 40%.", framework,
        "olivia", "paul", "tara", "rita", "chris", "lena",
        false, false, false, Autonomy.ADVISORY, new BigDecimal("120000.00"), new BigDecimal("480000.00"), null);
  }

  public static PilotRegistration highRisk(String key, Framework framework) {
    return new PilotRegistration(key, "Credit line decisions", "Retail lending",
        "Decide credit-line increases for existing customers.", framework,
        "olivia", "paul", null, null, null, null,
        true, true, true, Autonomy.AUTONOMOUS, null, null, null);
  }

  /** The registration as the JSON body of POST /api/pilots. */
  public static Map<String, Object> asJson(PilotRegistration r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", r.key());
    json.put("name", r.name());
    json.put("businessUnit", r.businessUnit());
    json.put("useCaseDescription", r.useCaseDescription());
    json.put("framework", r.framework().name());
    json.put("executiveOwner", r.executiveOwner());
    json.put("aiProductOwner", r.aiProductOwner());
    json.put("techLead", r.techLead());
    json.put("riskComplianceOwner", r.riskComplianceOwner());
    json.put("changeManager", r.changeManager());
    json.put("lineManager", r.lineManager());
    json.put("affectsIndividuals", r.affectsIndividuals());
    json.put("regulatedDomain", r.regulatedDomain());
    json.put("processesPersonalData", r.processesPersonalData());
    json.put("autonomy", r.autonomy().name());
    json.put("pilotCost", r.pilotCost());
    json.put("projectedProductionCost", r.projectedProductionCost());
    if (r.stepDurations() != null) {
      json.put("stepDurations", r.stepDurations());
    }
    return json;
  }
}
