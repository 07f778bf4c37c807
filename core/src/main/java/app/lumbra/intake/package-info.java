/**
 * What a clinician enters outside a session record, each entry one use case and one transaction: a
 * patient registered or corrected together with their low-back-pain condition and care team,
 * readings taken together (a diary entry) under the reference rule every reading follows, and a
 * day's home care. Depends on the features it composes; none depends on it.
 */
package app.lumbra.intake;
