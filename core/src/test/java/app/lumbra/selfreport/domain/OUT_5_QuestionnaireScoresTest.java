package app.lumbra.selfreport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OUT_5_QuestionnaireScoresTest {

  @Test
  void oswestryIsThePointsScoredOutOfFiftyAsAPercentage() {
    assertThat(QuestionnaireScores.oswestry(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0))).isZero();
    assertThat(QuestionnaireScores.oswestry(List.of(5, 5, 5, 5, 5, 5, 5, 5, 5, 5))).isEqualTo(100);
    assertThat(QuestionnaireScores.oswestry(List.of(2, 3, 1, 2, 2, 3, 1, 0, 2, 4))).isEqualTo(40);
  }

  @Test
  void oswestryWithOneSectionUnansweredIsOutOfFortyFivePoints() {
    // 20 of 45 points is 44.4 %.
    assertThat(QuestionnaireScores.oswestry(List.of(2, 3, 1, 2, 2, 3, 1, 2, 4))).isEqualTo(44);
    // 16 of 45 is 35.6 %, rounded half up.
    assertThat(QuestionnaireScores.oswestry(List.of(2, 2, 2, 2, 2, 2, 2, 2, 0))).isEqualTo(36);
  }

  @Test
  void oswestryWithTwoSectionsUnansweredHasNoIndex() {
    assertThatThrownBy(() -> QuestionnaireScores.oswestry(List.of(1, 1, 1, 1, 1, 1, 1, 1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at least 9 of the 10 sections");
  }

  @Test
  void oswestrySectionAboveFivePointsIsRefused() {
    assertThatThrownBy(() -> QuestionnaireScores.oswestry(List.of(6, 1, 1, 1, 1, 1, 1, 1, 1, 1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("0 to 5 points");
  }

  @Test
  void rolandMorrisCountsTheMarkedStatementsAndUnmarkedOnesCountAsNo() {
    List<Boolean> answers = new ArrayList<>(Collections.nCopies(24, false));
    answers.set(0, true);
    answers.set(5, true);
    answers.set(23, true);
    assertThat(QuestionnaireScores.rolandMorris(answers)).isEqualTo(3);
    assertThat(QuestionnaireScores.rolandMorris(List.of(true, true))).isEqualTo(2);
    assertThat(QuestionnaireScores.rolandMorris(Collections.nCopies(24, true))).isEqualTo(24);
  }

  @Test
  void rolandMorrisRefusesMoreThanTwentyFourAnswers() {
    assertThatThrownBy(() -> QuestionnaireScores.rolandMorris(Collections.nCopies(25, true)))
        .isInstanceOf(InvalidValueException.class);
  }
}
