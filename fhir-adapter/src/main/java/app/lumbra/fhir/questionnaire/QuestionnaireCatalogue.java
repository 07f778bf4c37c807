package app.lumbra.fhir.questionnaire;

import app.lumbra.fhir.support.LumbraFhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * OUT-5: the Questionnaires Lumbra serves: its own definitions, with a clinic's licensed wording
 * where {@code lumbra.questionnaire.text-dir} holds a file {@code <id>.json} (a Questionnaire with
 * the same linkIds, e.g. {@code oswestry.json}; see {@link LicensedText}). A file that cannot be
 * used is named in the log with the reason, and that questionnaire is served without its text.
 */
@ApplicationScoped
public class QuestionnaireCatalogue {

  private static final Logger LOG = Logger.getLogger(QuestionnaireCatalogue.class.getName());

  private List<Questionnaire> questionnaires;

  /** For the CDI proxy only. */
  protected QuestionnaireCatalogue() {}

  @Inject
  public QuestionnaireCatalogue(
      @ConfigProperty(name = "lumbra.questionnaire.text-dir") Optional<String> textDir) {
    this.questionnaires = load(textDir.filter(dir -> !dir.isBlank()).map(Path::of));
  }

  /** Lumbra's definitions with the licensed wording found in {@code textDir}, if any. */
  public static List<Questionnaire> load(Optional<Path> textDir) {
    List<Questionnaire> loaded = new ArrayList<>();
    for (Questionnaire shipped : Questionnaires.all()) {
      Optional<Path> file =
          textDir.map(dir -> dir.resolve(shipped.getIdElement().getIdPart() + ".json"));
      loaded.add(file.filter(Files::isRegularFile).map(f -> worded(shipped, f)).orElse(shipped));
    }
    return List.copyOf(loaded);
  }

  private static Questionnaire worded(Questionnaire shipped, Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Questionnaire licensed =
          LumbraFhirContext.r4().newJsonParser().parseResource(Questionnaire.class, reader);
      Questionnaire worded = LicensedText.apply(shipped, licensed);
      LOG.info(() -> "Questionnaire " + shipped.getUrl() + ": licensed text from " + file);
      return worded;
    } catch (IOException | DataFormatException | ClassCastException e) {
      LOG.log(
          Level.WARNING,
          "Questionnaire {0}: {1} not used, served without its text: {2}",
          new Object[] {shipped.getUrl(), file, e.getMessage()});
      return shipped;
    }
  }

  /** Every Questionnaire, copies the caller may change. */
  public List<Questionnaire> all() {
    return questionnaires.stream().map(Questionnaire::copy).toList();
  }

  /** The Questionnaire with this id, if Lumbra serves one. */
  public Optional<Questionnaire> byId(String id) {
    return all().stream().filter(q -> q.getIdElement().getIdPart().equals(id)).findFirst();
  }

  /** The Questionnaire a response names ({@code url} or {@code url|version}), if Lumbra has it. */
  public Optional<Questionnaire> byCanonical(String canonical) {
    return Questionnaires.byCanonical(all(), canonical);
  }
}
