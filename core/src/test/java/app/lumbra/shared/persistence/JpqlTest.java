package app.lumbra.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JpqlTest {

  @Test
  void noConditionsMakeNoWhereClause() {
    assertThat(Jpql.where(new StringBuilder())).isEmpty();
  }

  @Test
  void conditionsBecomeOneWhereClauseWithoutALiteralComparison() {
    assertThat(Jpql.where(" and p.id = :id and p.status in :statuses"))
        .isEqualTo(" where p.id = :id and p.status in :statuses");
  }

  @Test
  void aConditionWithoutItsAndIsAProgrammingError() {
    assertThatThrownBy(() -> Jpql.where("p.id = :id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p.id = :id");
  }
}
