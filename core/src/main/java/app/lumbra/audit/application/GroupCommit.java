package app.lumbra.audit.application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Issue 7: group commit. Every caller of {@link #submit} waits until its item is written, as
 * before, but callers that arrive while a write is in progress are written together by the next one
 * to get the lock, in one transaction: with eight concurrent requests, up to eight audit records
 * share one commit instead of eight. A lone caller writes its own item at once, with no extra
 * thread and no delay.
 *
 * <p>When a write fails, its batch fails, and so does every caller that waited for it meanwhile:
 * during a database outage each caller gets its error after at most one failed attempt, instead of
 * queueing behind one slow failure after another. The next caller tries again.
 */
final class GroupCommit<T> {

  private final Consumer<List<T>> writer;
  private final int maxBatch;
  private final ConcurrentLinkedQueue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock lock = new ReentrantLock();

  private static final class Pending<T> {
    final T item;
    boolean done;
    RuntimeException failure;

    Pending(T item) {
      this.item = item;
    }
  }

  /**
   * @param writer writes a batch in one transaction, or throws and writes nothing
   * @param maxBatch the most items written together
   */
  GroupCommit(Consumer<List<T>> writer, int maxBatch) {
    this.writer = writer;
    this.maxBatch = maxBatch;
  }

  /** Returns once {@code item} is written; throws what writing it threw. */
  void submit(T item) {
    Pending<T> pending = new Pending<>(item);
    queue.add(pending);
    lock.lock();
    try {
      // A caller that held the lock meanwhile may have written this item with its own batch.
      while (!pending.done) {
        write(drain());
      }
    } finally {
      lock.unlock();
    }
    if (pending.failure != null) {
      throw pending.failure;
    }
  }

  private List<Pending<T>> drain() {
    List<Pending<T>> batch = new ArrayList<>();
    Pending<T> next;
    while (batch.size() < maxBatch && (next = queue.poll()) != null) {
      batch.add(next);
    }
    return batch;
  }

  private void write(List<Pending<T>> batch) {
    try {
      writer.accept(batch.stream().map(p -> p.item).toList());
      batch.forEach(p -> p.done = true);
    } catch (RuntimeException failed) {
      List<Pending<T>> refused = new ArrayList<>(batch);
      Pending<T> waiting;
      while ((waiting = queue.poll()) != null) {
        refused.add(waiting);
      }
      for (Pending<T> pending : refused) {
        pending.failure = failed;
        pending.done = true;
      }
    }
  }
}
