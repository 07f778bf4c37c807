/**
 * Resilience tests against real Payara Micro processes: kill -9 during transactions, a PostgreSQL
 * restart under load, concurrent conditional updates and hostile input. Short versions run in every
 * build; {@code -Dlumbra.resilience.long=true} runs the long ones.
 */
package app.lumbra.web.resilience;
