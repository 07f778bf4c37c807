/** The outcome rules as pure policies, and the reassessment and discharge records. */
package app.lumbra.outcome.domain;
