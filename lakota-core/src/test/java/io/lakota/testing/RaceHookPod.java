package io.lakota.testing;

import io.lakota.storage.CommitResult;
import io.lakota.storage.Pod;
import io.lakota.storage.SupportsAtomicCommit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A pod with an atomic commit (it wraps one) that runs a one-shot action at an exact point of an operation: before
 * the next conditional commit (before its lock is taken), before the next remove, or before the next read of a path
 * that matches a predicate. Lets a test make a "concurrent" writer or maintenance task act inside a maintenance
 * operation's window. The hooks are shared by every pod {@code cd} derives; each fires once, then disarms itself.
 */
public final class RaceHookPod extends ForwardingPod implements SupportsAtomicCommit {
  private final Hooks hooks;

  /** The armed actions, shared by the pods {@code cd} derives. */
  private static final class Hooks {
    final AtomicReference<Runnable> beforeCommit = new AtomicReference<>();
    final AtomicReference<Runnable> beforeRm = new AtomicReference<>();
    final AtomicReference<Predicate<String>> readMatch = new AtomicReference<>();
    final AtomicReference<Runnable> beforeRead = new AtomicReference<>();
  }

  public RaceHookPod(SupportsAtomicCommit inner) {
    this(inner, new Hooks());
  }

  private RaceHookPod(SupportsAtomicCommit inner, Hooks hooks) {
    super(inner);
    this.hooks = hooks;
  }

  /** Runs {@code action} once, just before the next {@link #commitIf} (outside the commit lock). */
  public void beforeNextCommit(Runnable action) {
    hooks.beforeCommit.set(action);
  }

  /** Runs {@code action} once, just before the next {@link #rm}. */
  public void beforeNextRm(Runnable action) {
    hooks.beforeRm.set(action);
  }

  /** Runs {@code action} once, just before the next read of a path (relative to its pod) that {@code match}es. */
  public void beforeNextRead(Predicate<String> match, Runnable action) {
    hooks.readMatch.set(match);
    hooks.beforeRead.set(action);
  }

  private static void fire(AtomicReference<Runnable> hook) {
    Runnable action = hook.getAndSet(null);
    if (action != null) {
      action.run();
    }
  }

  @Override
  public CommitResult commitIf(String folder, Function<List<String>, Map<String, byte[]>> plan) {
    fire(hooks.beforeCommit);
    return ((SupportsAtomicCommit) delegate).commitIf(folder, plan);
  }

  @Override
  public Pod cd(String path) {
    return new RaceHookPod((SupportsAtomicCommit) delegate.cd(path), hooks);
  }

  @Override
  public byte[] read(String path) {
    Predicate<String> match = hooks.readMatch.get();
    if (match != null && match.test(path) && hooks.readMatch.compareAndSet(match, null)) {
      fire(hooks.beforeRead);
    }
    return delegate.read(path);
  }

  @Override
  public void rm(String path, boolean recursive, boolean missingOk) {
    fire(hooks.beforeRm);
    delegate.rm(path, recursive, missingOk);
  }

  @Override
  public String toString() {
    return "race-hooked " + delegate;
  }
}
