package app.lumbra.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void aPageHoldsItsBounds() {
    PageRequest page = PageRequest.of(40, 20);

    assertThat(page.offset()).isEqualTo(40);
    assertThat(page.limit()).isEqualTo(20);
    assertThat(page.countOnly()).isFalse();
  }

  @Test
  void theLargestPageIsTheOneLimit() {
    assertThat(PageRequest.of(0, PageRequest.MAX_LIMIT).limit()).isEqualTo(PageRequest.MAX_LIMIT);
    assertThatThrownBy(() -> PageRequest.of(0, PageRequest.MAX_LIMIT + 1))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("limit");
              assertThat(e.allowed()).isEqualTo("0 to " + PageRequest.MAX_LIMIT);
            });
  }

  @Test
  void aNegativeOffsetNamesTheOffset() {
    assertThatThrownBy(() -> PageRequest.of(-1, 10))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("offset"));
  }

  @Test
  void anEmptyPageOnlyWhenTheTotalIsAllThatIsWanted() {
    assertThatThrownBy(() -> PageRequest.of(0, 0))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.allowed()).isEqualTo("1 to " + PageRequest.MAX_LIMIT));
    assertThat(PageRequest.orCountOnly(0, 0).countOnly()).isTrue();
  }
}
