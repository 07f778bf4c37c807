package app.lumbra.selfreport.domain;

import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RecordIds;
import app.lumbra.shared.RuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * OUT-5: a personal link that lets one patient report on one care plan between sessions, without an
 * account. Rules: the token is 256 random bits and only its SHA-256 hash is kept; it is valid for 1
 * to 90 days from issue; it opens only its own patient's plan; it records when the patient last
 * reported, so that the clinician sees new reports.
 */
@Entity
@Table(name = "patient_link")
public class PatientLink {

  public static final String RULE = "OUT-5";
  public static final int MAX_DAYS = 90;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "patient_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String patientId;

  @Column(name = "care_plan_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String carePlanId;

  @Column(name = "issued_at", nullable = false)
  private OffsetDateTime issuedAt;

  @Column(name = "issued_by", nullable = false, length = 200)
  private String issuedBy;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "last_reported_at")
  private OffsetDateTime lastReportedAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  @Column(name = "revoked_by", length = 200)
  private String revokedBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected PatientLink() {}

  /** A new link and its token, which is shown once and never stored. */
  public static Issued issue(
      String patientId, String carePlanId, int validDays, String author, Clock clock) {
    if (validDays < 1 || validDays > MAX_DAYS) {
      throw new InvalidValueException("validDays", validDays, "1 to " + MAX_DAYS + " days");
    }
    if (author == null || author.isBlank() || author.length() > 200) {
      throw new InvalidValueException("author", author, "a name of at most 200 characters");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    PatientLink link = new PatientLink();
    link.tokenHash = hash(token);
    link.patientId = RecordIds.check("patientId", patientId);
    link.carePlanId = RecordIds.check("carePlanId", carePlanId);
    link.issuedBy = author.strip();
    link.issuedAt = OffsetDateTime.now(clock);
    link.expiresAt = link.issuedAt.plus(Duration.ofDays(validDays));
    return new Issued(link, token);
  }

  /** The link and the token to send the patient. */
  public record Issued(PatientLink link, String token) {}

  /** The hash a token is found by. */
  public static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", impossible);
    }
  }

  /**
   * Refuses a link past its expiry with words the patient understands (no stack trace, no rule id
   * as the only label).
   */
  public void checkOpen(Clock clock) {
    if (revokedAt != null) {
      throw new RuleViolationException(
          RULE,
          "token",
          "Your clinic has withdrawn this link. Please ask your clinic for a new link if you"
              + " still want to report.");
    }
    if (!OffsetDateTime.now(clock).isBefore(expiresAt)) {
      throw expired();
    }
  }

  /**
   * The clinician withdraws the link before it expires; a withdrawn or expired link stays as it is.
   *
   * @return whether the link was open and is now withdrawn
   */
  public boolean revoke(String by, Clock clock) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (revokedAt != null || !now.isBefore(expiresAt)) {
      return false;
    }
    revokedAt = now;
    revokedBy = by;
    return true;
  }

  public Optional<OffsetDateTime> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  /** The refusal for an unknown or expired link: the same words, so a guess learns nothing. */
  public static RuleViolationException expired() {
    return new RuleViolationException(
        RULE,
        "token",
        "This link has expired or is not valid. Please ask your clinic for a new link.");
  }

  /** The patient has just reported through the link. */
  public void reported(Clock clock) {
    lastReportedAt = OffsetDateTime.now(clock);
  }

  public String patientId() {
    return patientId;
  }

  public String carePlanId() {
    return carePlanId;
  }

  public OffsetDateTime issuedAt() {
    return issuedAt;
  }

  public String issuedBy() {
    return issuedBy;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  public Optional<OffsetDateTime> lastReportedAt() {
    return Optional.ofNullable(lastReportedAt);
  }
}
