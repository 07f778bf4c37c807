package app.lumbra.safety.domain;

import app.lumbra.shared.RuleViolationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The safety rules in one place: SAFE-1 (a positive red-flag screen blocks activation and booking),
 * SAFE-2 (ruled-out techniques and regions, precautions to confirm) and SAFE-3 (adverse responses),
 * and the alerts each raises for a plan (SAFE-4). Recording what happened is never refused: a
 * session given anyway raises a red flag instead.
 */
public final class SafetyRules {

  public static final String SAFE_1 = "SAFE-1";
  public static final String SAFE_2 = "SAFE-2";
  public static final String SAFE_3 = "SAFE-3";

  /** Technique code names (PLAN-8) that SAFE-2 rules out. */
  public static final String DEEP_TISSUE = "DEEP_TISSUE";

  public static final String TRIGGER_POINT = "TRIGGER_POINT";

  private static final Map<String, String> TECHNIQUE_WORDS =
      Map.of(DEEP_TISSUE, "deep-tissue work", TRIGGER_POINT, "trigger-point therapy");

  /** SAFE-3: this many adverse responses in one plan suggest reviewing the plan. */
  public static final int ADVERSE_RESPONSES_FOR_REVIEW = 2;

  private SafetyRules() {}

  // SAFE-1

  /**
   * SAFE-1: refuses {@code action} (activating the plan, booking a session) while the plan's
   * current screen is positive, with the referral and its reasons.
   */
  public static void refuseIfPositive(Optional<RedFlagScreen> current, String action) {
    if (current.isPresent() && current.get().isPositive()) {
      throw new RuleViolationException(
          SAFE_1,
          "redFlagScreen",
          current.get().referral().orElseThrow()
              + " "
              + action
              + " is not possible while the red-flag screen is positive; record a new screen"
              + " after the medical assessment.");
    }
  }

  // SAFE-2

  /** The technique code names the findings rule out. */
  public static Set<String> ruledOutTechniques(List<ContraindicationFinding> findings) {
    return findings.stream()
        .flatMap(finding -> finding.contraindication().ruledOutTechniques().stream())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The regions the findings rule out (a lesion's region, the legs for DVT). */
  public static Set<Region> ruledOutRegions(List<ContraindicationFinding> findings) {
    EnumSet<Region> regions = EnumSet.noneOf(Region.class);
    for (ContraindicationFinding finding : findings) {
      switch (finding.contraindication().effect()) {
        case RULES_OUT_LEGS -> regions.add(Region.FULL_BODY);
        case RULES_OUT_ITS_REGION -> {
          for (Region region : finding.regions()) {
            regions.add(region);
            regions.add(Region.FULL_BODY);
          }
        }
        default -> {
          // Techniques and precautions rule out no region.
        }
      }
    }
    return regions;
  }

  /**
   * SAFE-2: why the techniques and regions are not allowed for this patient, one clinical sentence
   * per conflict; empty when they are allowed.
   */
  public static List<String> conflicts(
      List<ContraindicationFinding> findings, Set<String> techniques, Set<String> regions) {
    Set<String> reasons = new LinkedHashSet<>();
    for (ContraindicationFinding finding : findings) {
      for (String technique : finding.contraindication().ruledOutTechniques()) {
        if (techniques.contains(technique)) {
          reasons.add(
              capitalised(TECHNIQUE_WORDS.get(technique))
                  + " is ruled out by "
                  + finding.describe());
        }
      }
      Set<Region> out = ruledOutRegions(List.of(finding));
      for (String code : regions) {
        Region.ofCode(code)
            .filter(out::contains)
            .ifPresent(
                region ->
                    reasons.add(
                        "Massage of the "
                            + region.display()
                            + " is ruled out by "
                            + finding.describe()));
      }
    }
    return new ArrayList<>(reasons);
  }

  /**
   * SAFE-2: refuses a plan that uses a ruled-out technique or region, naming each reason; when
   * {@code activating}, also a plan whose precautions the clinician has not confirmed yet.
   */
  public static void refuseIfRuledOut(
      List<ContraindicationFinding> findings,
      Set<String> techniques,
      Set<String> regions,
      boolean activating) {
    List<String> conflicts = conflicts(findings, techniques, regions);
    if (!conflicts.isEmpty()) {
      throw new RuleViolationException(
          SAFE_2,
          "techniques",
          String.join("; ", conflicts)
              + ". Choose other techniques or target regions (gentle techniques such as light /"
              + " relaxation (Swedish), kneading or myofascial release, away from the region).");
    }
    List<ContraindicationFinding> unconfirmed =
        findings.stream().filter(ContraindicationFinding::needsConfirmation).toList();
    if (activating && !unconfirmed.isEmpty()) {
      throw new RuleViolationException(
          SAFE_2,
          "contraindications",
          "Before the plan is activated, confirm on the contraindication checklist that massage is"
              + " appropriate despite: "
              + unconfirmed.stream()
                  .map(ContraindicationFinding::describe)
                  .collect(Collectors.joining("; "))
              + ".");
    }
  }

  // Alerts (SAFE-4)

  /** Every safety alert of the plan (SAFE-1, SAFE-2, SAFE-3). */
  public static List<SafetyAlert> alerts(
      PlanSafetyFacts plan,
      List<RedFlagScreen> screens,
      List<ContraindicationFinding> findings,
      List<AdverseResponse> responses) {
    List<SafetyAlert> alerts = new ArrayList<>();
    alerts.addAll(screenAlerts(plan, screens));
    alerts.addAll(contraindicationAlerts(plan, findings));
    alerts.addAll(adverseResponseAlerts(responses));
    return alerts;
  }

  /**
   * SAFE-1: no screen; a positive current screen; a session given while the screen was positive.
   */
  static List<SafetyAlert> screenAlerts(PlanSafetyFacts plan, List<RedFlagScreen> screens) {
    List<SafetyAlert> alerts = new ArrayList<>();
    List<RedFlagScreen> ordered =
        screens.stream().sorted(Comparator.comparing(RedFlagScreen::screenedAt)).toList();
    Optional<RedFlagScreen> current =
        ordered.isEmpty() ? Optional.empty() : Optional.of(ordered.get(ordered.size() - 1));
    if (current.isEmpty() && plan.open()) {
      alerts.add(
          new SafetyAlert(
              SAFE_1,
              AlertKind.REVIEW,
              "No red-flag screen recorded",
              "Screen for serious spinal pathology (cauda equina, fracture, cancer, infection,"
                  + " progressive neurological deficit) before the first session.",
              "no-screen"));
    }
    current
        .filter(RedFlagScreen::isPositive)
        .ifPresent(
            screen ->
                alerts.add(
                    new SafetyAlert(
                        SAFE_1,
                        AlertKind.RED_FLAG,
                        "Red-flag screen positive: refer for urgent medical assessment",
                        screen.referral().orElseThrow(),
                        "screen:" + screen.id())));
    for (PlanSafetyFacts.PerformedSessionFacts session : plan.performedSessions()) {
      Optional<RedFlagScreen> then =
          ordered.stream()
              .filter(screen -> !screen.screenedAt().isAfter(session.performedAt()))
              .reduce((first, second) -> second);
      if (then.isPresent() && then.get().isPositive()) {
        alerts.add(
            new SafetyAlert(
                SAFE_1,
                AlertKind.RED_FLAG,
                "Session given despite a positive red-flag screen",
                "The session of "
                    + session.performedAt().toLocalDate()
                    + " took place while the red-flag screen was positive. "
                    + then.get().referral().orElseThrow(),
                "session:" + session.sessionId()));
      }
    }
    return alerts;
  }

  /** SAFE-2: the plan or a performed session uses what is ruled out; precautions to confirm. */
  static List<SafetyAlert> contraindicationAlerts(
      PlanSafetyFacts plan, List<ContraindicationFinding> findings) {
    List<SafetyAlert> alerts = new ArrayList<>();
    if (plan.open()) {
      List<String> conflicts = conflicts(findings, plan.techniques(), plan.regions());
      if (!conflicts.isEmpty()) {
        alerts.add(
            new SafetyAlert(
                SAFE_2,
                AlertKind.RED_FLAG,
                "Plan uses a ruled-out technique or region",
                String.join("; ", conflicts) + ". Change the plan before the next session.",
                "plan:" + digest(String.join("|", conflicts))));
      }
      for (ContraindicationFinding finding : findings) {
        if (finding.needsConfirmation()) {
          alerts.add(
              new SafetyAlert(
                  SAFE_2,
                  AlertKind.REVIEW,
                  "Precaution to confirm before treating",
                  finding.describe()
                      + ": confirm on the contraindication checklist that massage is appropriate.",
                  "precaution:" + finding.contraindication() + ":" + digest(finding.source())));
        }
      }
    }
    for (PlanSafetyFacts.PerformedSessionFacts session : plan.performedSessions()) {
      List<String> conflicts = conflicts(findings, session.techniques(), session.regions());
      if (!conflicts.isEmpty()) {
        alerts.add(
            new SafetyAlert(
                SAFE_2,
                AlertKind.RED_FLAG,
                "Session used a ruled-out technique or region",
                "In the session of "
                    + session.performedAt().toLocalDate()
                    + ": "
                    + String.join("; ", conflicts)
                    + ".",
                "session:" + session.sessionId()));
      }
    }
    return alerts;
  }

  /** SAFE-3: one alert per adverse response; two or more in the plan: review the plan. */
  static List<SafetyAlert> adverseResponseAlerts(List<AdverseResponse> responses) {
    List<SafetyAlert> alerts = new ArrayList<>();
    for (AdverseResponse response : responses) {
      boolean red = response.kind().redFlag();
      alerts.add(
          new SafetyAlert(
              SAFE_3,
              red ? AlertKind.RED_FLAG : AlertKind.REVIEW,
              red
                  ? "New numbness or tingling after a session: assess for a red flag"
                  : "Adverse response after a session",
              response.kind().display()
                  + " noticed on "
                  + response.noticedOn()
                  + (red
                      ? ". Check for a progressive neurological deficit or cauda equina signs"
                          + " (SAFE-1) before the next session."
                      : ".")
                  + response.note().map(note -> " Note: " + note).orElse(""),
              "adverse:" + response.id()));
    }
    if (responses.size() >= ADVERSE_RESPONSES_FOR_REVIEW) {
      alerts.add(
          new SafetyAlert(
              SAFE_3,
              AlertKind.REVIEW,
              "Repeated adverse responses: review the plan",
              responses.size()
                  + " adverse responses in this plan ("
                  + responses.stream()
                      .map(response -> response.kind().display().toLowerCase(Locale.ROOT))
                      .collect(Collectors.joining(", "))
                  + "): review the techniques, pressure and frequency.",
              "adverse-review:"
                  + digest(
                      responses.stream()
                          .map(AdverseResponse::id)
                          .sorted()
                          .collect(Collectors.joining(",")))));
    }
    return alerts;
  }

  private static String capitalised(String words) {
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A short stable digest of evidence text, so evidence keys stay within their column. */
  public static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
