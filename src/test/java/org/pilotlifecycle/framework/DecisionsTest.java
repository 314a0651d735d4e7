package org.pilotlifecycle.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pilotlifecycle.web.InvalidFieldsException;

class DecisionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"EXTEND", "extend", "Extend", "  eXtEnD \n"})
  void aDecisionIsReadInAnyCaseAndWithSurroundingWhitespace(String value) {
    assertThat(Decisions.parse(OverdueDecision.class, "overdueDecision", value)).isEqualTo(OverdueDecision.EXTEND);
  }

  @Test
  void anUnknownDecisionNamesTheFieldAndTheChoices() {
    assertThatThrownBy(() -> Decisions.parse(OverdueDecision.class, "overdueDecision", "POSTPONE"))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessage("overdueDecision: choose EXTEND, PAUSE or STOP")
        .satisfies(e -> assertThat(((InvalidFieldsException) e).getField()).isEqualTo("overdueDecision"));
  }

  @Test
  void twoChoicesAreJoinedWithOr() {
    assertThatThrownBy(() -> Decisions.parse(ShortfallDecision.class, "shortfallDecision", "maybe"))
        .isInstanceOf(InvalidFieldsException.class).hasMessage("shortfallDecision: choose EXTEND or STOP");
    assertThat(Decisions.choices(GateDecision.class)).isEqualTo("APPROVE or REJECT");
  }

  @Test
  void aMissingOrBlankDecisionIsRefused() {
    assertThatThrownBy(() -> Decisions.parse(NoGoDecision.class, "noGoDecision", null))
        .isInstanceOf(InvalidFieldsException.class).hasMessage("noGoDecision: choose REMEDIATE or STOP");
    assertThatThrownBy(() -> Decisions.parse(NoGoDecision.class, "noGoDecision", "  "))
        .isInstanceOf(InvalidFieldsException.class);
  }

  @Test
  void aPartOfAChoiceIsNotTheChoice() {
    assertThatThrownBy(() -> Decisions.parse(GateDecision.class, "decision", "APPROV"))
        .isInstanceOf(InvalidFieldsException.class);
    assertThatThrownBy(() -> Decisions.parse(GateDecision.class, "decision", "APPROVED"))
        .isInstanceOf(InvalidFieldsException.class);
  }
}
