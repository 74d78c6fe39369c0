package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.ValidationException;
import io.lakota.format.Closed;
import io.lakota.format.Datetimes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Utilities, SEMANTICS.md §21.12 U-1 … U-4 (U-5, {@code as-tz}, is {@link AsTzTest}). */
class UtilitiesTest {
  private final boolean threaded = Settings.get().threaded();

  @AfterEach
  void restore() {
    Settings.get().threaded(threaded);
  }

  @ParameterizedTest(name = "U-1 pool results in submission order, threaded {0}")
  @ValueSource(booleans = {false, true})
  void poolKeepsOrder(boolean isThreaded) {
    Settings.get().threaded(isThreaded);
    List<Callable<String>> tasks = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      int n = i;
      tasks.add(() -> {
        Thread.sleep(ThreadLocalRandom.current().nextInt(3));
        names.add(Thread.currentThread().getName());
        return "job" + n;
      });
    }
    List<String> out = Workers.map(tasks);
    for (int i = 0; i < 50; i++) {
      assertThat(out.get(i)).isEqualTo("job" + i);
    }
    assertThat(names.stream().anyMatch(n -> n.startsWith("lakota-worker-"))).isEqualTo(isThreaded);
    tasks.set(7, () -> {
      throw new ValidationException("job 7 failed");
    });
    assertThatThrownBy(() -> Workers.map(tasks)).isInstanceOf(ValidationException.class).hasMessage("job 7 failed");
    tasks.set(7, () -> {
      throw new java.io.IOException("disk");
    });
    assertThatThrownBy(() -> Workers.map(tasks))
        .isInstanceOf(io.lakota.errors.LakotaException.class)
        .hasMessage("Cannot run task: java.io.IOException: disk");
  }

  @Test
  @DisplayName("U-1b run: every task once, first failure in list order")
  void runTasks() {
    int[] hits = new int[200];
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int n = i;
      tasks.add(() -> hits[n]++);
    }
    Workers.run(tasks);
    Workers.run(tasks, false);
    for (int i = 0; i < 200; i++) {
      assertThat(hits[i]).as("task %d", i).isEqualTo(2);
    }
    tasks.set(150, () -> {
      throw new ValidationException("task 150 failed");
    });
    tasks.set(90, () -> {
      throw new ValidationException("task 90 failed");
    });
    assertThatThrownBy(() -> Workers.run(tasks)).isInstanceOf(ValidationException.class).hasMessage("task 90 failed");
  }

  @Test
  @DisplayName("U-2 chunks keep order")
  void chunks() {
    for (int size : new int[] {1, 4, 13, 100}) {
      List<Integer> items = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        items.add(i);
      }
      List<List<Integer>> chunks = Workers.chunks(items, 100);
      assertThat(chunks).hasSize(1);
      assertThat(chunks.get(0)).isEqualTo(items);
      List<Integer> flat = new ArrayList<>();
      Workers.chunks(items, 3).forEach(flat::addAll);
      assertThat(flat).isEqualTo(items);
      assertThat(Workers.chunks(items, 3)).hasSize((size + 2) / 3);
    }
  }

  @Test
  @DisplayName("U-3 date ranges")
  void dateRanges() {
    long start = Datetimes.parse("2020-01-01", "D");
    long stop = Datetimes.parse("2020-01-10", "D");
    long[] days = Datetimes.range(start, stop, 1);
    assertThat(days).hasSize(9);
    assertThat(Datetimes.format(days[0], "D")).isEqualTo("2020-01-01");
    assertThat(Datetimes.format(days[8], "D")).isEqualTo("2020-01-09");
    assertThat(Datetimes.range(start, stop, 20)).containsExactly(start);
    assertThat(Datetimes.range(stop, start, 1)).isEmpty();
    assertThatThrownBy(() -> Datetimes.range(start, stop, 0))
        .isInstanceOf(ValidationException.class).hasMessage("Cannot build a date range: step must be > 0, got 0");
  }

  @Test
  @DisplayName("U-4 closed flags")
  void closedFlags() {
    assertThat(Closed.parse("l")).isEqualTo(Closed.LEFT);
    assertThat(Closed.parse("r")).isEqualTo(Closed.RIGHT);
    assertThat(Closed.parse("n")).isEqualTo(Closed.NONE);
    assertThat(Closed.parse("b")).isEqualTo(Closed.BOTH);
    assertThat(Closed.parse("LEFT")).isEqualTo(Closed.LEFT);
    assertThat(Closed.parse("BOTH")).isEqualTo(Closed.BOTH);
    assertThat(Closed.LEFT.left()).isTrue();
    assertThat(Closed.LEFT.right()).isFalse();
    assertThat(Closed.RIGHT.right()).isTrue();
    assertThat(Closed.NONE.left() || Closed.NONE.right()).isFalse();
    assertThat(Closed.LEFT.setLeft(false)).isEqualTo(Closed.NONE);
    assertThat(Closed.RIGHT.setLeft(true)).isEqualTo(Closed.BOTH);
    assertThat(Closed.BOTH.setRight(false)).isEqualTo(Closed.LEFT);
    assertThat(Closed.NONE.setRight(true)).isEqualTo(Closed.RIGHT);
    assertThat(Closed.BOTH.setLeft(true)).isEqualTo(Closed.BOTH);
    assertThat(Closed.LEFT.setRight(false)).isEqualTo(Closed.LEFT);
    assertThatThrownBy(() -> Closed.parse("left"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid closed value: \"left\" (expected n, r, l, b, NONE, RIGHT, LEFT or BOTH)");
  }
}
