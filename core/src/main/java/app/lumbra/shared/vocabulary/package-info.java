/** The coded vocabulary that plans and sessions share: one enum per list, one code per concept. */
package app.lumbra.shared.vocabulary;
