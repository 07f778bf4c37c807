package app.lumbra.fhir.questionnaire;

import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.observation.domain.MedicationUse;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.safety.domain.AdverseResponseKind;
import app.lumbra.selfreport.domain.QuestionnaireScores;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;

/**
 * OUT-5: the three Questionnaires Lumbra serves, as Lumbra defines them. The pain diary is Lumbra's
 * own and has its wording. The Roland–Morris and Oswestry questionnaires keep their published
 * wording, which their authors hold: Lumbra ships their structure and scoring only (linkIds, answer
 * types, the Oswestry answers as codes of their score) and a clinic loads its licensed text ({@link
 * LicensedText}). Codes: LOINC where PRODUCT.md section 6 names one (pain 72514-3, the Oswestry
 * panel 97908-8), the project code system otherwise.
 */
public final class Questionnaires {

  public static final String BASE = "https://lumbra.app/fhir/Questionnaire/";
  public static final String VERSION = "1";

  public static final String PAIN_DIARY = "lumbra-pain-diary";
  public static final String ROLAND_MORRIS = "roland-morris";
  public static final String OSWESTRY = "oswestry";

  // The pain diary's linkIds.
  public static final String PAIN = "pain";
  public static final String MEDICATION_DOSES = "medication-doses";
  public static final String HOME_CARE_DONE = "home-care-done";
  public static final String ADVERSE_RESPONSE = "adverse-response";
  public static final String ADVERSE_RESPONSE_NOTE = "adverse-response-note";

  /** LOINC Oswestry Disability Index panel (PRODUCT.md section 6). */
  static final String LOINC_OSWESTRY_PANEL = "97908-8";

  static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
  static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
  static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

  private static final int NOTE_MAX_LENGTH = 2000;

  private Questionnaires() {}

  /** Every Questionnaire, fresh copies as Lumbra defines them (no licensed text). */
  public static List<Questionnaire> all() {
    return List.of(painDiary(), rolandMorris(), oswestry());
  }

  /** The Questionnaire with this canonical URL ({@code url} or {@code url|version}), if any. */
  public static Optional<Questionnaire> byCanonical(List<Questionnaire> from, String canonical) {
    if (canonical == null) {
      return Optional.empty();
    }
    int bar = canonical.indexOf('|');
    String url = bar < 0 ? canonical : canonical.substring(0, bar);
    String version = bar < 0 ? null : canonical.substring(bar + 1);
    return from.stream()
        .filter(q -> q.getUrl().equals(url))
        .filter(q -> version == null || version.equals(q.getVersion()))
        .findFirst();
  }

  /** The Roland–Morris statement linkId {@code n}, 1–24. */
  public static String rolandMorrisItem(int n) {
    return "rmdq-" + n;
  }

  /** The Oswestry section linkId {@code n}, 1–10. */
  public static String oswestrySection(int n) {
    return "odi-" + n;
  }

  static Questionnaire painDiary() {
    Questionnaire q =
        base(
            PAIN_DIARY,
            "LumbraPainDiary",
            "Pain diary",
            "Between sessions: today's pain, pain medication, home care and any unwanted effect"
                + " after the last massage session. Lumbra's own questionnaire.");
    QuestionnaireItemComponent pain =
        item(q, PAIN, QuestionnaireItemType.INTEGER)
            .setRequired(true)
            .setText("How bad is your back pain right now? 0 is no pain, 10 the worst imaginable.");
    pain.addCode(new Coding(Terminology.LOINC, Terminology.LOINC_PAIN, null));
    range(pain, 0, 10);
    QuestionnaireItemComponent medication =
        item(q, MEDICATION_DOSES, QuestionnaireItemType.INTEGER)
            .setText("How many doses of pain medication did you take in the last 24 hours?");
    medication.addCode(Terminology.coding(ObservationCode.MEDICATION_USE));
    range(medication, MedicationUse.MIN, MedicationUse.MAX);
    item(q, HOME_CARE_DONE, QuestionnaireItemType.BOOLEAN)
        .setText("Did you do all of today's home-care tasks from your plan?");
    QuestionnaireItemComponent adverse =
        item(q, ADVERSE_RESPONSE, QuestionnaireItemType.CHOICE)
            .setText("Did you notice any of these after your last session? (leave empty if not)");
    for (AdverseResponseKind kind : AdverseResponseKind.values()) {
      adverse.addAnswerOption().setValue(Terminology.coding(kind));
    }
    item(q, ADVERSE_RESPONSE_NOTE, QuestionnaireItemType.STRING)
        .setText("Anything you want to add about it")
        .setMaxLength(NOTE_MAX_LENGTH);
    return q;
  }

  static Questionnaire rolandMorris() {
    Questionnaire q =
        base(
            ROLAND_MORRIS,
            "RolandMorrisDisabilityQuestionnaire",
            "Roland-Morris Disability Questionnaire (structure and scoring)",
            "The 24 statements of the Roland-Morris Disability Questionnaire (Roland and Morris"
                + " 1983), each answered true when it applies today; the score is how many apply"
                + " (0-24). The statements' wording is not shipped: load your licensed text.");
    q.addCode(Terminology.coding(ObservationCode.ROLAND_MORRIS));
    for (int n = 1; n <= QuestionnaireScores.ROLAND_MORRIS_ITEMS; n++) {
      item(q, rolandMorrisItem(n), QuestionnaireItemType.BOOLEAN).setPrefix(n + ".");
    }
    return q;
  }

  static Questionnaire oswestry() {
    Questionnaire q =
        base(
            OSWESTRY,
            "OswestryDisabilityIndex",
            "Oswestry Disability Index (structure and scoring)",
            "The 10 sections of the Oswestry Disability Index (Fairbank and Pynsent 2000), each"
                + " answered with one of six statements scoring 0-5 in order; the index is the"
                + " points scored out of those possible for the sections answered, as a percentage"
                + " (at least 9 sections). The wording is held by its author and not shipped:"
                + " load your licensed text.");
    q.addCode(new Coding(Terminology.LOINC, LOINC_OSWESTRY_PANEL, null));
    for (int n = 1; n <= QuestionnaireScores.OSWESTRY_SECTIONS; n++) {
      QuestionnaireItemComponent section =
          item(q, oswestrySection(n), QuestionnaireItemType.CHOICE).setPrefix(n + ".");
      for (int points = 0; points <= QuestionnaireScores.OSWESTRY_SECTION_MAX; points++) {
        Coding answer = new Coding(Terminology.LUMBRA, Terminology.oswestryAnswer(points), null);
        answer.addExtension(new Extension(ORDINAL_VALUE, new DecimalType(points)));
        section.addAnswerOption().setValue(answer);
      }
    }
    return q;
  }

  private static Questionnaire base(String id, String name, String title, String description) {
    Questionnaire q = new Questionnaire();
    q.setId(id);
    q.getMeta().setVersionId(VERSION);
    q.setUrl(BASE + id);
    q.setVersion(VERSION);
    q.setName(name);
    q.setTitle(title);
    q.setStatus(PublicationStatus.ACTIVE);
    q.setDescription(description);
    q.addSubjectType("Patient");
    q.setPublisher("Lumbra");
    return q;
  }

  private static QuestionnaireItemComponent item(
      Questionnaire q, String linkId, QuestionnaireItemType type) {
    return q.addItem().setLinkId(linkId).setType(type).setRequired(false).setRepeats(false);
  }

  private static void range(QuestionnaireItemComponent item, int min, int max) {
    item.addExtension(new Extension(MIN_VALUE, new IntegerType(min)));
    item.addExtension(new Extension(MAX_VALUE, new IntegerType(max)));
  }

  /** Whether an item is required (Lumbra's definitions always say so explicitly). */
  static boolean required(QuestionnaireItemComponent item) {
    return item.hasRequired() && item.getRequired();
  }

  static boolean repeats(QuestionnaireItemComponent item) {
    return item.hasRepeats() && item.getRepeats();
  }

  static Optional<Integer> bound(QuestionnaireItemComponent item, String url) {
    Extension extension = item.getExtensionByUrl(url);
    return extension != null && extension.getValue() instanceof IntegerType value
        ? Optional.of(value.getValue())
        : Optional.empty();
  }
}
