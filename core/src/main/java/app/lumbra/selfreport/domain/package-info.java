/** The patient link and its token rules. */
package app.lumbra.selfreport.domain;
