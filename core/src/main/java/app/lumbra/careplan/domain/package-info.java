/**
 * The care plan aggregate, the rules it follows (CarePolicy), the recommender and checker built on
 * those rules, and the repository port.
 */
package app.lumbra.careplan.domain;
