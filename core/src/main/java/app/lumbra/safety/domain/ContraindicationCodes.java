package app.lumbra.safety.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SAFE-2: the one table of codes that name a contraindication in a patient's Conditions, whatever
 * sent them (Lumbra's records, an EHR's problem list kept as clinical context), with its source. An
 * ICD-10-CM entry ending in {@code *} matches the category and every code under it ({@code M81*}
 * matches M81.0 and M81.8); other entries match exactly. SNOMED CT entries match the concept only,
 * not its descendants (no terminology server here). Extend by adding rows.
 *
 * <table>
 *   <caption>Codes and sources</caption>
 *   <tr><th>System</th><th>Code</th><th>Contraindication</th><th>Source</th></tr>
 *   <tr><td>ICD-10-CM</td><td>D65, D66, D67, D68*</td><td>bleeding disorder</td>
 *       <td>ICD-10-CM 2025 D65-D69 "coagulation defects"</td></tr>
 *   <tr><td>ICD-10-CM</td><td>Z79.01</td><td>long-term anticoagulants</td>
 *       <td>ICD-10-CM 2025</td></tr>
 *   <tr><td>ICD-10-CM</td><td>M80*, M81*</td><td>osteoporosis (with or without fracture)</td>
 *       <td>ICD-10-CM 2025</td></tr>
 *   <tr><td>ICD-10-CM</td><td>I80*, I82.4*</td><td>deep-vein thrombosis, phlebitis</td>
 *       <td>ICD-10-CM 2025</td></tr>
 *   <tr><td>ICD-10-CM</td><td>L02*, L03*, L08*, L89*, S31.0*, B02*</td>
 *       <td>skin abscess, cellulitis, local skin infection, pressure ulcer, open wound of the lower
 *       back and pelvis, herpes zoster</td><td>ICD-10-CM 2025</td></tr>
 *   <tr><td>ICD-10-CM</td><td>Z98.1</td><td>spinal fusion (arthrodesis status): recent spinal
 *       surgery when its date is in the last 6 weeks or unknown</td><td>ICD-10-CM 2025</td></tr>
 *   <tr><td>ICD-10-CM</td><td>Z33*, Z34*, O09*</td><td>pregnancy</td><td>ICD-10-CM 2025</td></tr>
 *   <tr><td>ICD-10-CM</td><td>R50*</td><td>fever</td><td>ICD-10-CM 2025</td></tr>
 *   <tr><td>SNOMED CT</td><td>64779008</td><td>blood coagulation disorder</td>
 *       <td>SNOMED CT International (to be confirmed against a release)</td></tr>
 *   <tr><td>SNOMED CT</td><td>64859006</td><td>osteoporosis</td><td>SNOMED CT International</td></tr>
 *   <tr><td>SNOMED CT</td><td>128053003</td><td>deep venous thrombosis</td>
 *       <td>SNOMED CT International</td></tr>
 *   <tr><td>SNOMED CT</td><td>128045006</td><td>cellulitis</td><td>SNOMED CT International</td></tr>
 *   <tr><td>SNOMED CT</td><td>77386006</td><td>pregnant</td><td>SNOMED CT International</td></tr>
 *   <tr><td>SNOMED CT</td><td>386661006</td><td>fever</td><td>SNOMED CT International</td></tr>
 * </table>
 */
public final class ContraindicationCodes {

  public static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
  public static final String SNOMED_CT = "http://snomed.info/sct";

  /** One row of the table. */
  public record Entry(String system, String code, Contraindication contraindication) {

    boolean matches(String codingSystem, String codingCode) {
      if (codingCode == null || !system.equals(codingSystem)) {
        return false;
      }
      String sent = codingCode.strip().toUpperCase(Locale.ROOT);
      return code.endsWith("*")
          ? sent.startsWith(code.substring(0, code.length() - 1))
          : sent.equals(code);
    }
  }

  private static final Contraindication BLEEDING =
      Contraindication.ANTICOAGULATION_OR_BLEEDING_DISORDER;

  /** The table, in one place. */
  public static final List<Entry> TABLE =
      List.of(
          new Entry(ICD_10_CM, "D65", BLEEDING),
          new Entry(ICD_10_CM, "D66", BLEEDING),
          new Entry(ICD_10_CM, "D67", BLEEDING),
          new Entry(ICD_10_CM, "D68*", BLEEDING),
          new Entry(ICD_10_CM, "Z79.01", BLEEDING),
          new Entry(ICD_10_CM, "M80*", Contraindication.OSTEOPOROSIS),
          new Entry(ICD_10_CM, "M81*", Contraindication.OSTEOPOROSIS),
          new Entry(ICD_10_CM, "I80*", Contraindication.DEEP_VEIN_THROMBOSIS),
          new Entry(ICD_10_CM, "I82.4*", Contraindication.DEEP_VEIN_THROMBOSIS),
          new Entry(ICD_10_CM, "L02*", Contraindication.SKIN_LESION),
          new Entry(ICD_10_CM, "L03*", Contraindication.SKIN_LESION),
          new Entry(ICD_10_CM, "L08*", Contraindication.SKIN_LESION),
          new Entry(ICD_10_CM, "L89*", Contraindication.SKIN_LESION),
          new Entry(ICD_10_CM, "S31.0*", Contraindication.SKIN_LESION),
          new Entry(ICD_10_CM, "B02*", Contraindication.SKIN_LESION),
          new Entry(ICD_10_CM, "Z98.1", Contraindication.RECENT_SPINAL_SURGERY),
          new Entry(ICD_10_CM, "Z33*", Contraindication.PREGNANCY),
          new Entry(ICD_10_CM, "Z34*", Contraindication.PREGNANCY),
          new Entry(ICD_10_CM, "O09*", Contraindication.PREGNANCY),
          new Entry(ICD_10_CM, "R50*", Contraindication.ACUTE_FEVER),
          new Entry(SNOMED_CT, "64779008", BLEEDING),
          new Entry(SNOMED_CT, "64859006", Contraindication.OSTEOPOROSIS),
          new Entry(SNOMED_CT, "128053003", Contraindication.DEEP_VEIN_THROMBOSIS),
          new Entry(SNOMED_CT, "128045006", Contraindication.SKIN_LESION),
          new Entry(SNOMED_CT, "77386006", Contraindication.PREGNANCY),
          new Entry(SNOMED_CT, "386661006", Contraindication.ACUTE_FEVER));

  private ContraindicationCodes() {}

  /** The contraindication a coding names, if the table has it. */
  public static Optional<Contraindication> of(String system, String code) {
    return TABLE.stream()
        .filter(entry -> entry.matches(system, code))
        .map(Entry::contraindication)
        .findFirst();
  }
}
