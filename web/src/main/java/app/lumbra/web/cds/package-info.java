/**
 * CDS Hooks 2.0 service at {@code /cds-services}: discovery, {@code patient-view} cards for a
 * patient's open alerts and {@code order-select}/{@code order-sign} safety cards, for registered
 * EHRs only.
 */
package app.lumbra.web.cds;
