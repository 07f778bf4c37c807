package app.lumbra.advice.domain;

import app.lumbra.safety.domain.Contraindication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SAFE-1 and SAFE-2 when an EHR is about to order massage: a positive current red-flag screen is
 * critical (refer first, no massage); a contraindication that rules out techniques, the legs or a
 * region is critical with what it rules out; a precaution (recent spinal surgery, pregnancy, acute
 * fever) is a warning, to be confirmed before the first session. One advice per contraindication,
 * whether Lumbra knew it or the EHR's problem list says it.
 */
public final class MassageOrderPolicy {

  /** A contraindication found for the patient and where it was found. */
  public record Finding(Contraindication contraindication, String source) {}

  private MassageOrderPolicy() {}

  public static List<Advice> adviceFor(
      String patientId, List<String> positiveScreenReferrals, List<Finding> findings) {
    List<Advice> advice = new ArrayList<>();
    for (String referral : positiveScreenReferrals) {
      advice.add(
          new Advice(
              AdviceUrgency.CRITICAL,
              "SAFE-1",
              "Red-flag screen positive: do not order massage, refer for urgent assessment",
              referral,
              patientId));
    }
    Map<Contraindication, List<String>> sources = new LinkedHashMap<>();
    for (Finding finding : findings) {
      sources
          .computeIfAbsent(finding.contraindication(), key -> new ArrayList<>())
          .add(finding.source());
    }
    sources.forEach(
        (contraindication, from) -> advice.add(adviceFor(patientId, contraindication, from)));
    return advice;
  }

  private static String techniques(Contraindication contraindication) {
    return contraindication.ruledOutTechniques().stream()
        .sorted()
        .map(code -> code.toLowerCase(Locale.ROOT).replace('_', ' '))
        .collect(Collectors.joining(", "));
  }

  private static Advice adviceFor(
      String patientId, Contraindication contraindication, List<String> sources) {
    String found = " (from " + String.join("; ", sources) + ")";
    switch (contraindication.effect()) {
      case RULES_OUT_TECHNIQUES:
        return new Advice(
            AdviceUrgency.CRITICAL,
            "SAFE-2",
            contraindication.display() + ": no deep tissue or trigger point massage",
            contraindication.display()
                + found
                + " rules out deep pressure: "
                + techniques(contraindication)
                + ". Order a gentle technique only.",
            patientId);
      case RULES_OUT_LEGS:
        return new Advice(
            AdviceUrgency.CRITICAL,
            "SAFE-2",
            contraindication.display() + ": no massage of the legs",
            contraindication.display()
                + found
                + " rules out full-body massage (the legs): massage may dislodge a clot.",
            patientId);
      case RULES_OUT_ITS_REGION:
        return new Advice(
            AdviceUrgency.CRITICAL,
            "SAFE-2",
            contraindication.display() + ": no massage over the affected region",
            contraindication.display()
                + found
                + " rules out massage of the region it is on and full-body massage.",
            patientId);
      default:
        return new Advice(
            AdviceUrgency.WARNING,
            "SAFE-2",
            contraindication.display() + ": precaution, confirm before the first session",
            contraindication.display()
                + found
                + " is a precaution: the therapist must confirm it is safe before treating.",
            patientId);
    }
  }
}
