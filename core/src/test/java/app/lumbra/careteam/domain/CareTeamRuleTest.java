package app.lumbra.careteam.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CareTeamRuleTest {

  @Test
  void aClinicianSeesOnlyPatientsOfTheirOwnTeam() {
    assertThat(CareTeamRule.maySee(false, "north", "north")).isTrue();
    assertThat(CareTeamRule.maySee(false, "north", "south")).isFalse();
    assertThat(CareTeamRule.maySee(false, "north", null)).isFalse();
  }

  @Test
  void administratorsSeeEveryPatient() {
    assertThat(CareTeamRule.maySee(true, null, "south")).isTrue();
    assertThat(CareTeamRule.maySee(true, "north", null)).isTrue();
  }

  @Test
  void peopleOfNoTeamSeeOnlyPatientsOfNoTeam() {
    assertThat(CareTeamRule.maySee(false, null, null)).isTrue();
    assertThat(CareTeamRule.maySee(false, " ", null)).isTrue();
    assertThat(CareTeamRule.maySee(false, null, "south")).isFalse();
  }
}
