package app.lumbra.web.cds;

import app.lumbra.advice.domain.Advice;
import app.lumbra.advice.domain.AdviceUrgency;
import app.lumbra.fhir.terminology.CodeSystemResourceProvider;
import app.lumbra.fhir.terminology.RuleCatalogue;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Advice as CDS Hooks cards: summary, detail, indicator ({@code critical}, {@code warning}, {@code
 * info}), the source (Lumbra, with a link, and the rule as its topic) and two links to the
 * patient's chart in Lumbra: a SMART app link the EHR launches, and a plain link for a Lumbra
 * sign-in. Most urgent first.
 */
final class CdsCards {

  private CdsCards() {}

  static JsonObject of(List<Advice> advice, String baseUrl) {
    JsonArrayBuilder cards = Json.createArrayBuilder();
    advice.stream()
        .sorted(Comparator.comparing(Advice::urgency))
        .forEach(one -> cards.add(card(one, baseUrl)));
    return Json.createObjectBuilder().add("cards", cards).build();
  }

  private static JsonObject card(Advice advice, String baseUrl) {
    JsonObjectBuilder card =
        Json.createObjectBuilder()
            .add("uuid", UUID.randomUUID().toString())
            .add("summary", advice.summary())
            .add("detail", advice.detail() + " (rule " + advice.ruleId() + ")")
            .add("indicator", indicator(advice.urgency()))
            .add(
                "source",
                Json.createObjectBuilder()
                    .add("label", "Lumbra")
                    .add("url", baseUrl + "/")
                    .add(
                        "topic",
                        Json.createObjectBuilder()
                            .add("system", CodeSystemResourceProvider.RULE_SYSTEM)
                            .add("code", advice.ruleId())
                            .add("display", RuleCatalogue.title(advice.ruleId()))));
    if (advice.patientId() != null) {
      card.add(
          "links",
          Json.createArrayBuilder()
              .add(
                  // The EHR launches Lumbra in its own frame with iss and launch (SMART App
                  // Launch); the launch context names the patient, so the chart opens signed in.
                  Json.createObjectBuilder()
                      .add("label", "Open in Lumbra")
                      .add("url", baseUrl + "/launch")
                      .add("type", "smart")
                      .add("appContext", "patient=" + advice.patientId()))
              .add(
                  Json.createObjectBuilder()
                      .add("label", "Open the chart in Lumbra (Lumbra sign-in)")
                      .add(
                          "url",
                          baseUrl
                              + "/portal/chart.xhtml?patient="
                              + URLEncoder.encode(advice.patientId(), StandardCharsets.UTF_8))
                      .add("type", "absolute")));
    }
    return card.build();
  }

  private static String indicator(AdviceUrgency urgency) {
    return urgency.name().toLowerCase(Locale.ROOT);
  }
}
