package org.pilotlifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.web.InvalidFieldsException;

class ProcessVariablesTest {

  private static ProcessVariables variables(Object value) {
    DelegateExecution execution = mock(DelegateExecution.class);
    ProcessEngineServices engine = mock(ProcessEngineServices.class);
    when(engine.getIdentityService()).thenReturn(mock(IdentityService.class));
    when(execution.getProcessEngineServices()).thenReturn(engine);
    when(execution.getVariable("amount")).thenReturn(value);
    return ProcessVariables.of(execution);
  }

  @Test
  void aNumberIsReadFromTheShapesFormsSubmit() {
    assertThat(variables(12.5).decimal("amount")).isEqualByComparingTo("12.5");
    assertThat(variables(7L).decimal("amount")).isEqualByComparingTo("7");
    assertThat(variables(" 3 ").decimal("amount")).isEqualByComparingTo("3");
    assertThat(variables(null).decimal("amount")).isNull();
    assertThat(variables(" ").decimal("amount")).isNull();
    assertThat(variables("lots").decimal("amount")).isNull();
  }

  @Test
  void aNumberOutOfRangeOrNotFiniteIsRefused() {
    for (Object notFinite : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN,
        "NaN", "Infinity", "-Infinity", "1e400", "-1e400")) {
      assertThatThrownBy(() -> variables(notFinite).decimal("amount")).as(String.valueOf(notFinite))
          .isInstanceOfSatisfying(InvalidFieldsException.class,
              e -> assertThat(e.getField()).isEqualTo("amount"));
      assertThat(ProcessVariables.decimal(notFinite)).as("lenient reader, %s", notFinite).isNull();
    }
    assertThat(ProcessVariables.decimal(new BigDecimal("1e300"))).isEqualByComparingTo("1e300");
  }
}
