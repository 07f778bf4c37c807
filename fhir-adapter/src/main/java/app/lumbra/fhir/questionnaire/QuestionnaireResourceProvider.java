package app.lumbra.fhir.questionnaire;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * FHIR {@code Questionnaire} (OUT-5): the pain diary, Roland–Morris and Oswestry questionnaires a
 * patient app fills in; read, and search by {@code url} (exact, {@code |version} allowed) and
 * {@code name} (starts with, case-insensitive, as FHIR string search does). They hold no patient
 * data: any valid token may read them.
 */
@ApplicationScoped
public class QuestionnaireResourceProvider implements IResourceProvider {

  private QuestionnaireCatalogue catalogue;

  /** For the CDI proxy only. */
  protected QuestionnaireResourceProvider() {}

  @Inject
  public QuestionnaireResourceProvider(QuestionnaireCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public Class<Questionnaire> getResourceType() {
    return Questionnaire.class;
  }

  @Read
  public Questionnaire read(@IdParam IdType id) {
    return catalogue
        .byId(id.getIdPart())
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "Questionnaire/"
                        + id.getIdPart()
                        + " is not one of Lumbra's: "
                        + Questionnaires.PAIN_DIARY
                        + ", "
                        + Questionnaires.ROLAND_MORRIS
                        + ", "
                        + Questionnaires.OSWESTRY));
  }

  @Search
  public List<Questionnaire> search(
      @OptionalParam(name = Questionnaire.SP_URL) UriParam url,
      @OptionalParam(name = Questionnaire.SP_NAME) StringParam name) {
    List<Questionnaire> found =
        url == null
            ? catalogue.all()
            : catalogue.byCanonical(url.getValue()).map(List::of).orElse(List.of());
    if (name == null) {
      return found;
    }
    String wanted = name.getValue().toLowerCase(Locale.ROOT);
    return found.stream()
        .filter(
            q ->
                name.isExact()
                    ? q.getName().equals(name.getValue())
                    : q.getName().toLowerCase(Locale.ROOT).startsWith(wanted))
        .toList();
  }
}
