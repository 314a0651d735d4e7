package org.pilotlifecycle.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pilotlifecycle.web.InvalidFieldsException;

class ReasonsTest {

  @Test
  void aRequiredReasonIsStripped() {
    assertThat(Reasons.required("rejectionReason", "  not ready \n")).isEqualTo("not ready");
  }

  @Test
  void aRequiredReasonMustBePresent() {
    for (Object missing : new Object[] {null, "", " \t\n "}) {
      assertThatThrownBy(() -> Reasons.required("rejectionReason", missing))
          .isInstanceOf(InvalidFieldsException.class).hasMessage("rejectionReason: a reason is required");
    }
  }

  @Test
  void anOptionalReasonMayBeMissing() {
    assertThat(Reasons.optional("note", null)).isEmpty();
    assertThat(Reasons.optional("note", "  ")).isEmpty();
    assertThat(Reasons.optional("note", " fine ")).isEqualTo("fine");
  }

  @Test
  void aReasonOf2000CharactersIsAcceptedAfterStripping() {
    String longest = "x".repeat(Reasons.MAX_LENGTH);
    assertThat(Reasons.required("reason", "  " + longest + "  ")).isEqualTo(longest);
    assertThat(Reasons.optional("reason", longest)).hasSize(2000);
  }

  @Test
  void aReasonOver2000CharactersIsRefused() {
    String tooLong = "x".repeat(Reasons.MAX_LENGTH + 1);
    assertThatThrownBy(() -> Reasons.required("reason", tooLong)).isInstanceOf(InvalidFieldsException.class)
        .hasMessage("reason: at most 2000 characters");
    assertThatThrownBy(() -> Reasons.optional("reason", tooLong)).isInstanceOf(InvalidFieldsException.class)
        .hasMessage("reason: at most 2000 characters");
  }

  @Test
  void aNonTextValueIsReadAsItsText() {
    assertThat(Reasons.required("reason", 42)).isEqualTo("42");
  }
}
