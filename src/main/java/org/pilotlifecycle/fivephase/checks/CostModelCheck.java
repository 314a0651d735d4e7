package org.pilotlifecycle.fivephase.checks;

import org.pilotlifecycle.framework.CheckResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase 3: production typically costs 3-5x the pilot; a projection below the multiple is a red flag
 * that needs a written justification.
 */
public class CostModelCheck {

  public static final String NAME = "COST_MODEL";
  static final int MINIMUM_JUSTIFICATION_LENGTH = 20;

  private final BigDecimal multiple;

  public CostModelCheck(double multiple) {
    this.multiple = BigDecimal.valueOf(multiple);
  }

  public record Input(BigDecimal pilotCost, BigDecimal projectedProductionCost, String justification) {
  }

  public CheckResult evaluate(Input input) {
    List<String> reasons = new ArrayList<>();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("pilotCost", input.pilotCost());
    facts.put("projectedProductionCost", input.projectedProductionCost());
    facts.put("requiredMultiple", multiple);
    if (input.pilotCost() == null || input.projectedProductionCost() == null
        || input.pilotCost().signum() < 0 || input.projectedProductionCost().signum() < 0) {
      reasons.add("Both the pilot cost and the projected production cost must be given, zero or more.");
      return CheckResult.of(NAME, "", reasons, facts);
    }
    BigDecimal ratio = input.pilotCost().signum() == 0 ? null
        : input.projectedProductionCost().divide(input.pilotCost(), 2, RoundingMode.HALF_UP);
    facts.put("ratio", ratio);
    boolean belowMultiple = ratio != null && ratio.compareTo(multiple) < 0;
    boolean justified = input.justification() != null
        && input.justification().strip().length() >= MINIMUM_JUSTIFICATION_LENGTH;
    facts.put("justified", justified);
    if (belowMultiple && !justified) {
      reasons.add("The projected production cost is " + ratio + "x the pilot cost, below the usual " + multiple
          + "x; give a written justification of at least " + MINIMUM_JUSTIFICATION_LENGTH + " characters or revise the projection.");
    }
    String summary = ratio == null ? "No pilot cost to compare with; the projection stands."
        : belowMultiple ? "The projection is " + ratio + "x the pilot cost, below " + multiple + "x, and justified."
        : "The projection is " + ratio + "x the pilot cost.";
    return CheckResult.of(NAME, summary, reasons, facts);
  }
}
