/** Integration-test harness: Lumbra running as a real Payara Micro process for black-box tests. */
package app.lumbra.web.it;
