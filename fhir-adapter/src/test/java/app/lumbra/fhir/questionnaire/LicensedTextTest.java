package app.lumbra.fhir.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.fhir.support.LumbraFhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OUT-5: a clinic loads its licensed wording over the structure Lumbra ships. */
class LicensedTextTest {

  @Test
  void aClinicsWordingIsLaidOverTheSameStructure(@TempDir Path dir) throws Exception {
    Questionnaire licensed = Questionnaires.oswestry();
    licensed.setCopyright("Licensed to the clinic");
    licensed.getItemFirstRep().setText("Section one as licensed");
    licensed.getItemFirstRep().getAnswerOptionFirstRep().getValueCoding().setDisplay("First");
    licensed.getItemFirstRep().setType(Questionnaire.QuestionnaireItemType.STRING);
    write(dir, "oswestry.json", licensed);

    List<Questionnaire> loaded = QuestionnaireCatalogue.load(Optional.of(dir));

    Questionnaire oswestry = Questionnaires.byCanonical(loaded, licensed.getUrl()).orElseThrow();
    assertThat(oswestry.getCopyright()).isEqualTo("Licensed to the clinic");
    assertThat(oswestry.getItemFirstRep().getText()).isEqualTo("Section one as licensed");
    assertThat(oswestry.getItemFirstRep().getAnswerOptionFirstRep().getValueCoding().getDisplay())
        .isEqualTo("First");
    // The structure stays Lumbra's whatever the file says.
    assertThat(oswestry.getItemFirstRep().getType())
        .isEqualTo(Questionnaire.QuestionnaireItemType.CHOICE);
  }

  @Test
  void aFileWithOtherLinkIdsIsNotUsed(@TempDir Path dir) throws Exception {
    Questionnaire licensed = Questionnaires.rolandMorris();
    licensed.getItemFirstRep().setLinkId("q1").setText("Wording");
    write(dir, "roland-morris.json", licensed);

    List<Questionnaire> loaded = QuestionnaireCatalogue.load(Optional.of(dir));

    Questionnaire rmdq = Questionnaires.byCanonical(loaded, licensed.getUrl()).orElseThrow();
    assertThat(rmdq.getItemFirstRep().getLinkId()).isEqualTo("rmdq-1");
    assertThat(rmdq.getItemFirstRep().hasText()).isFalse();
  }

  private static void write(Path dir, String name, Questionnaire questionnaire) throws Exception {
    Files.writeString(
        dir.resolve(name),
        LumbraFhirContext.r4().newJsonParser().encodeResourceToString(questionnaire));
  }
}
