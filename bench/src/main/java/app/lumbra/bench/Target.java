package app.lumbra.bench;

import java.time.Duration;

/** What the scenarios load: one Lumbra instance, or several behind a balancer. */
interface Target extends AutoCloseable {

  /** Where the clients send their requests. */
  String baseUrl();

  /** From the start command until every instance is ready. */
  Duration startUp();

  /** The process a heap sampler watches (the first instance of several). */
  long pid();

  /** CPU time (user + system) so far of every process serving requests, in milliseconds. */
  double cpuMillis();

  /** CPU time of the JIT compiler threads of every instance, in milliseconds. */
  double compilerCpuMillis();

  /** Peak resident memory, in MiB: of the one instance, or of all instances together. */
  double peakRssMib();

  @Override
  void close() throws InterruptedException;
}
