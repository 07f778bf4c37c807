/**
 * OUT-5 over FHIR: the Questionnaires a patient app fills in (Lumbra's pain diary, Roland–Morris,
 * Oswestry) and the QuestionnaireResponses it sends, checked against their Questionnaire and
 * recorded as the patient's own readings through the self-report use case.
 */
package app.lumbra.fhir.questionnaire;
