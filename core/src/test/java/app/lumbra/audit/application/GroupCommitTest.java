package app.lumbra.audit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  /** What a writer committed: one list per transaction. */
  private final List<List<Integer>> commits = new CopyOnWriteArrayList<>();

  @Test
  void aLoneCallerIsWrittenAtOnceInItsOwnCommit() {
    GroupCommit<Integer> group = new GroupCommit<>(commits::add, 64);

    group.submit(1);
    group.submit(2);

    assertThat(commits).containsExactly(List.of(1), List.of(2));
  }

  @Test
  void concurrentCallersShareCommitsAndEachReturnsOnlyOnceItsItemIsWritten() throws Exception {
    List<Integer> written = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer> group =
        new GroupCommit<>(
            batch -> {
              sleep(20); // a commit that takes a while, like a write to disk
              written.addAll(batch);
              commits.add(batch);
            },
            64);
    int callers = 8;
    int perCaller = 25;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      int caller = c;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < perCaller; i++) {
                  int item = caller * 1000 + i;
                  group.submit(item);
                  assertThat(written).as("written before submit returns").contains(item);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> future : done) {
      future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(written).hasSize(callers * perCaller).doesNotHaveDuplicates();
    assertThat(commits.size()).as("commits for %d items", callers * perCaller).isLessThan(100);
    assertThat(commits).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(64));
  }

  @Test
  void aFailedWriteFailsEveryCallerWaitingForItAndTheNextCallerTriesAgain() throws Exception {
    List<Integer> written = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch firstWriteStarted = new CountDownLatch(1);
    CountDownLatch othersQueued = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger attempts =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean databaseDown =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    GroupCommit<Integer> group =
        new GroupCommit<>(
            batch -> {
              attempts.incrementAndGet();
              if (batch.contains(0)) {
                firstWriteStarted.countDown();
                await(othersQueued);
              }
              if (databaseDown.get()) {
                throw new IllegalStateException("database unreachable");
              }
              written.addAll(batch);
            },
            64);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Future<?> first = pool.submit(() -> group.submit(0));
    firstWriteStarted.await(10, TimeUnit.SECONDS);
    List<Future<?>> waiting =
        List.of(
            pool.submit(() -> group.submit(1)),
            pool.submit(() -> group.submit(2)),
            pool.submit(() -> group.submit(3)));
    sleep(200); // the three queue up behind the slow failing write
    othersQueued.countDown();

    for (Future<?> future : concat(first, waiting)) {
      assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("database unreachable");
    }
    assertThat(attempts).as("one failed attempt for all four callers").hasValue(1);

    databaseDown.set(false);
    group.submit(4);
    pool.shutdown();
    assertThat(written).containsExactly(4);
  }

  private static List<Future<?>> concat(Future<?> first, List<Future<?>> rest) {
    List<Future<?>> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
