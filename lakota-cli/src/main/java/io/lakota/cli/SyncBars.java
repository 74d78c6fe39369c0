package io.lakota.cli;

import io.lakota.sync.SyncProgress;

/**
 * Draws the progress of a pull or push: one bar per collection ({@code pull temperature [####  ] 12/20}), on
 * stderr and only when it is a terminal (see {@link Progress}). Single-threaded: the sync serializes its reports.
 */
final class SyncBars implements SyncProgress, AutoCloseable {
  private final Progress.Factory bars;
  private final String verb;
  private String label;
  private Progress bar;
  private long drawn;

  SyncBars(Progress.Factory bars, String verb) {
    this.bars = bars;
    this.verb = verb;
  }

  @Override
  public void update(String collection, long done, long total) {
    if (!collection.equals(label) || done < drawn) {
      close();
      label = collection;
      bar = bars.start(verb + " " + collection, (int) Math.min(Integer.MAX_VALUE, total));
      drawn = 0;
    }
    while (drawn < done) {
      bar.step();
      drawn++;
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
