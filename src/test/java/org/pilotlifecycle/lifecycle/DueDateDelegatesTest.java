package org.pilotlifecycle.lifecycle;

import org.pilotlifecycle.engine.OrganisationProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.framework.Step;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The steering committee's new due dates, read in the organisation's time zone ({@code pilot.time-zone}) by the
 * three delegates that take one: a day the date picker offers, today included, is accepted west of UTC (Los
 * Angeles) and east of it (Tokyo), and the step is due at the end of that day there.
 */
class DueDateDelegatesTest {

  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private final SteeringDecisions decisions = mock(SteeringDecisions.class);
  private final PilotAuditTrail auditTrail = mock(PilotAuditTrail.class);
  private final Map<String, Object> variables = new HashMap<>();

  private static Clock at(String localDateTime, ZoneId zone) {
    return Clock.fixed(LocalDateTime.parse(localDateTime).atZone(zone).toInstant(), zone);
  }

  private static OrganisationProperties in(ZoneId zone) {
    return new OrganisationProperties(zone);
  }

  private DelegateExecution execution(Object newDueDate) {
    variables.put(LifecycleVariables.PILOT_KEY, "CLAIMS-TRIAGE");
    variables.put(LifecycleVariables.CURRENT_STEP, Step.DATA_READINESS.name());
    variables.put(LifecycleVariables.NEW_DUE_DATE, newDueDate);
    variables.put(LifecycleVariables.OVERDUE_REASON, "Vendor late");
    variables.put(LifecycleVariables.OVERDUE_DECISION, "EXTEND");
    DelegateExecution execution = mock(DelegateExecution.class);
    ProcessEngineServices engine = mock(ProcessEngineServices.class);
    when(engine.getIdentityService()).thenReturn(mock(IdentityService.class));
    when(execution.getProcessEngineServices()).thenReturn(engine);
    when(execution.getProcessInstanceId()).thenReturn("instance-1");
    when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    return execution;
  }

  @Test
  void aDateThePickerOffersIsAcceptedWhenExtendingWestOfUtc() throws Exception {
    // 17:00 on 15 January in Los Angeles is already 16 January in UTC: today used to be refused there.
    Clock evening = at("2030-01-15T17:00:00", LOS_ANGELES);
    when(decisions.extend(any(), any(), any(), any(), any(), any())).thenReturn(true);
    DelegateExecution execution = execution("2030-01-15");

    new ExtendDeadlineDelegate(decisions, evening, in(LOS_ANGELES)).execute(execution);

    Instant endOfToday = Instant.parse("2030-01-16T07:59:59.999Z");
    verify(decisions).extend("instance-1", "CLAIMS-TRIAGE", Step.DATA_READINESS, endOfToday, null, "Vendor late");
    verify(execution).setVariable(LifecycleVariables.STEP_DUE_DATE, Date.from(endOfToday));
  }

  @Test
  void aDateThePickerOffersIsAcceptedWhenResumingEastOfUtc() throws Exception {
    // 08:00 on 16 January in Tokyo is still 15 January in UTC.
    Clock morning = at("2030-01-16T08:00:00", TOKYO);
    DelegateExecution execution = execution("2030-01-16");

    new ResumePilotDelegate(decisions, morning, in(TOKYO)).execute(execution);

    Instant endOfToday = Instant.parse("2030-01-16T14:59:59.999Z");
    verify(decisions).resume(eq("instance-1"), eq("CLAIMS-TRIAGE"), eq(Step.DATA_READINESS), eq(endOfToday), isNull(),
        isNull());
    verify(execution).setVariable(LifecycleVariables.STEP_DUE_DATE, Date.from(endOfToday));
  }

  @Test
  void aDayThatIsOverInTheOrganisationsZoneIsRefusedEvenIfUtcIsStillOnIt() {
    Clock morning = at("2030-01-16T08:00:00", TOKYO);
    DelegateExecution execution = execution("2030-01-15");

    assertThatThrownBy(() -> new ResumePilotDelegate(decisions, morning, in(TOKYO)).execute(execution))
        .isInstanceOfSatisfying(InvalidFieldsException.class,
            e -> assertThat(e.getField()).isEqualTo(LifecycleVariables.NEW_DUE_DATE));
    verify(decisions, never()).resume(any(), any(), any(), any(), any(), any());
  }

  @Test
  void aDateThePickerOffersIsAcceptedWhenTheOverdueDecisionIsRecorded() throws Exception {
    for (ZoneId zone : new ZoneId[] {LOS_ANGELES, TOKYO}) {
      Clock lateEvening = at("2030-01-15T23:30:00", zone);
      DelegateExecution execution = execution("2030-01-15");

      new RecordOverdueDecisionDelegate(auditTrail, lateEvening, in(zone)).execute(execution);
    }
    verify(auditTrail, org.mockito.Mockito.times(2)).record(eq("CLAIMS-TRIAGE"), any(AuditRecord.class));
    Clock nextMorning = at("2030-01-16T00:00:00", LOS_ANGELES);
    DelegateExecution yesterday = execution("2030-01-15");
    assertThatThrownBy(() -> new RecordOverdueDecisionDelegate(auditTrail, nextMorning, in(LOS_ANGELES))
        .execute(yesterday)).isInstanceOf(InvalidFieldsException.class).hasMessageContaining("must lie in the future");
  }

  @Test
  void theTimeZoneIsConfiguredAsPilotTimeZoneAndDefaultsToUtc() {
    Binder tokyo = new Binder(new MapConfigurationPropertySource(Map.of("pilot.time-zone", "Asia/Tokyo")));
    assertThat(tokyo.bind("pilot", OrganisationProperties.class).get().timeZone()).isEqualTo(TOKYO);
    assertThat(OrganisationProperties.utc().timeZone()).isEqualTo(java.time.ZoneOffset.UTC);
    Binder unknown = new Binder(new MapConfigurationPropertySource(Map.of("pilot.time-zone", "Mars/Olympus")));
    assertThatThrownBy(() -> unknown.bind("pilot", OrganisationProperties.class)).isNotNull();
  }
}
