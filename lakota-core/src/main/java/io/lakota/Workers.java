package io.lakota;

import io.lakota.errors.LakotaException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process-wide worker pool of SEMANTICS.md §2 ({@code threaded}, {@code maxThreads}): runs independent tasks
 * (column encodes of a write, column decodes of a read) and returns their results in submission order. Tasks run
 * inline when {@code threaded} is off, when there is a single task, or when the caller is itself a worker (a task
 * waiting for sub-tasks in a bounded pool could otherwise deadlock). Thread-safe.
 */
final class Workers {
  private static final ThreadLocal<Boolean> IS_WORKER = ThreadLocal.withInitial(() -> false);
  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
  private static ExecutorService pool;
  private static int poolSize;

  private Workers() {}

  /**
   * Runs the tasks and returns their results in submission order. The tasks are split into at most
   * {@code maxThreads} chunks of consecutive tasks, each chunk running on one worker. The first failing task (in
   * submission order) has its exception rethrown as is when unchecked.
   */
  static <T> List<T> map(List<? extends Callable<T>> tasks) {
    return map(tasks, true);
  }

  /** {@link #map(List)}, or all tasks on the caller's thread when {@code worthIt} is false (small work). */
  static <T> List<T> map(List<? extends Callable<T>> tasks, boolean worthIt) {
    Settings settings = Settings.get();
    if (!worthIt || !settings.threaded() || tasks.size() <= 1 || IS_WORKER.get()) {
      List<T> out = new ArrayList<>(tasks.size());
      for (Callable<T> t : tasks) {
        out.add(call(t));
      }
      return out;
    }
    int threads = settings.maxThreads();
    int size = (tasks.size() + threads - 1) / threads;
    List<Future<List<T>>> futures = new ArrayList<>();
    ExecutorService executor = executor(threads);
    for (List<? extends Callable<T>> chunk : chunks(tasks, size)) {
      futures.add(executor.submit(() -> {
        List<T> out = new ArrayList<>(chunk.size());
        for (Callable<T> t : chunk) {
          out.add(t.call());
        }
        return out;
      }));
    }
    List<T> out = new ArrayList<>(tasks.size());
    for (Future<List<T>> f : futures) {
      try {
        out.addAll(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LakotaException("Cannot wait for workers: interrupted", e);
      } catch (ExecutionException e) {
        throw unchecked(e.getCause());
      }
    }
    return out;
  }

  /**
   * The number of threads {@link #run} uses: {@code maxThreads}, at most one per core (the tasks it runs are CPU
   * bound); 1 when {@code threaded} is off or on a worker thread.
   */
  static int threads() {
    Settings settings = Settings.get();
    if (!settings.threaded() || IS_WORKER.get()) {
      return 1;
    }
    return Math.max(1, Math.min(settings.maxThreads(), Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Runs CPU-bound tasks (block encodes and decodes, digests) on {@link #threads()} threads, the caller's included,
   * each thread taking the next task of the list when done with one: long tasks placed first start first. Returns
   * when every task has run; the first failure (in list order) is rethrown, unchecked ones as they are.
   */
  static void run(List<Runnable> tasks) {
    run(tasks, true);
  }

  /** {@link #run(List)}, or all tasks on the caller's thread when {@code worthIt} is false (small work). */
  static void run(List<Runnable> tasks, boolean worthIt) {
    int threads = worthIt ? Math.min(threads(), tasks.size()) : 1;
    if (threads <= 1) {
      for (Runnable t : tasks) {
        t.run();
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Throwable[] failures = new Throwable[tasks.size()];
    Runnable loop = () -> {
      for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
        try {
          tasks.get(i).run();
        } catch (Throwable t) {
          failures[i] = t;
        }
      }
    };
    ExecutorService executor = executor(Settings.get().maxThreads());
    List<Future<?>> helpers = new ArrayList<>();
    // 0: queued, 1: running, 2: dropped; a helper still queued when the caller is done is dropped, not awaited
    List<AtomicInteger> states = new ArrayList<>();
    for (int k = 1; k < threads; k++) {
      AtomicInteger state = new AtomicInteger();
      states.add(state);
      helpers.add(executor.submit(() -> {
        if (state.compareAndSet(0, 1)) {
          loop.run();
        }
      }));
    }
    boolean interrupted = false;
    try {
      IS_WORKER.set(true);
      loop.run();
    } finally {
      IS_WORKER.set(false);
    }
    for (int k = 0; k < helpers.size(); k++) {
      if (states.get(k).compareAndSet(0, 2)) {
        continue;
      }
      try {
        helpers.get(k).get();
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        throw unchecked(e.getCause());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      throw new LakotaException("Cannot wait for workers: interrupted");
    }
    for (Throwable t : failures) {
      if (t != null) {
        throw unchecked(t);
      }
    }
  }

  /**
   * {@code task} on a worker thread when {@code background} is true (and the settings allow threads), else run now
   * on the caller's thread, its exception thrown here. Collect the result with {@link #await}.
   */
  static <T> java.util.concurrent.CompletableFuture<T> async(java.util.function.Supplier<T> task,
      boolean background) {
    if (!background || !Settings.get().threaded() || IS_WORKER.get()) {
      return java.util.concurrent.CompletableFuture.completedFuture(task.get());
    }
    return java.util.concurrent.CompletableFuture.supplyAsync(task, executor(Settings.get().maxThreads()));
  }

  /** The result of an {@link #async} task; its failure is rethrown as is when unchecked. */
  static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LakotaException("Cannot wait for workers: interrupted", e);
    } catch (ExecutionException e) {
      throw unchecked(e.getCause());
    }
  }

  /** Consecutive chunks of at most {@code size} items, in order. */
  static <T> List<List<T>> chunks(List<T> items, int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("Cannot chunk: size must be > 0, got " + size);
    }
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return out;
  }

  private static <T> T call(Callable<T> task) {
    try {
      return task.call();
    } catch (Exception e) {
      throw unchecked(e);
    }
  }

  private static RuntimeException unchecked(Throwable t) {
    if (t instanceof RuntimeException) {
      return (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    return new LakotaException("Cannot run task: " + t, t);
  }

  private static synchronized ExecutorService executor(int threads) {
    if (pool == null || poolSize != threads) {
      if (pool != null) {
        // running tasks finish on the old pool; new tasks go to a pool of the new size
        pool.shutdown();
      }
      ThreadPoolExecutor p = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(() -> {
              IS_WORKER.set(true);
              r.run();
            }, "lakota-worker-" + THREAD_NUMBER.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
      p.allowCoreThreadTimeOut(true);
      pool = p;
      poolSize = threads;
    }
    return pool;
  }
}
