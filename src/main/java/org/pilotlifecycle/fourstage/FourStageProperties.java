package org.pilotlifecycle.fourstage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the four-stage framework ({@code pilot.four-stage.*}); durations are under {@code pilot.lifecycle}.
 *
 * @param dimensionPassScore a gap-assessment dimension passes at this score (0-5) or more
 * @param adoptionTargetPercent the adoption rate stage 3 must reach
 * @param adoptionWeeksAtTarget for this many weeks in a row
 * @param adoptionProgrammeWeeks the length of the adoption programme (90 days: 13 weeks)
 */
@ConfigurationProperties("pilot.four-stage")
public record FourStageProperties(Integer dimensionPassScore, Double adoptionTargetPercent, Integer adoptionWeeksAtTarget,
    Integer adoptionProgrammeWeeks) {

  public FourStageProperties {
    dimensionPassScore = dimensionPassScore == null ? 3 : dimensionPassScore;
    adoptionTargetPercent = adoptionTargetPercent == null ? 60.0 : adoptionTargetPercent;
    adoptionWeeksAtTarget = adoptionWeeksAtTarget == null ? 2 : adoptionWeeksAtTarget;
    adoptionProgrammeWeeks = adoptionProgrammeWeeks == null ? 13 : adoptionProgrammeWeeks;
    if (dimensionPassScore < 0 || dimensionPassScore > 5) {
      throw new IllegalArgumentException("pilot.four-stage.dimension-pass-score must be 0 to 5");
    }
  }
}
