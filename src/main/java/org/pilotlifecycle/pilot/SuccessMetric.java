package org.pilotlifecycle.pilot;

import java.math.BigDecimal;

/** The quantified business outcome a pilot is measured by (phase 1 of the five-phase framework). */
public record SuccessMetric(String category, String name, String unit, BigDecimal baseline, BigDecimal target,
    String measurementMethod, BigDecimal annualValue, String lineManager) {
}
