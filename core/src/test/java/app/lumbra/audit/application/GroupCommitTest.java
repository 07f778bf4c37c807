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
  void anItemThatCannotBeWrittenFailsAloneAndTheOthersOfItsBatchAreWritten() throws Exception {
    List<Integer> written = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch firstWriteStarted = new CountDownLatch(1);
    CountDownLatch othersQueued = new CountDownLatch(1);
    GroupCommit<Integer> group =
        new GroupCommit<>(
            batch -> {
              if (batch.contains(0)) {
                firstWriteStarted.countDown();
                await(othersQueued);
              }
              if (batch.contains(13)) {
                throw new IllegalStateException("column too long");
              }
              written.addAll(batch);
            },
            64);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Future<?> first = pool.submit(() -> group.submit(0));
    firstWriteStarted.await(10, TimeUnit.SECONDS);
    Future<?> good1 = pool.submit(() -> group.submit(12));
    Future<?> bad = pool.submit(() -> group.submit(13));
    Future<?> good2 = pool.submit(() -> group.submit(14));
    sleep(200); // the three queue up behind the first write
    othersQueued.countDown();

    first.get(10, TimeUnit.SECONDS);
    good1.get(10, TimeUnit.SECONDS);
    good2.get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("column too long");
    pool.shutdown();
    assertThat(written).containsExactlyInAnyOrder(0, 12, 14);
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
