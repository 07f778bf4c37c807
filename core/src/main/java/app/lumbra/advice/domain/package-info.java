/** Advice, its urgency and the policies that choose it. */
package app.lumbra.advice.domain;
