package io.lakota.maintenance;

import io.lakota.errors.ValidationException;
import io.lakota.id.Hextime;
import io.lakota.version.Revision;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Which revisions a {@code trim} keeps: the last {@code n} revisions of the changelog (in traversal order), those
 * written at or after an instant, or both (a revision is kept when either rule keeps it). Immutable.
 *
 * <pre>{@code
 * collection.trim(Retention.lastRevisions(100));                                     // keep 100 revisions
 * collection.trim(Retention.newerThan(Instant.now().minus(Duration.ofDays(30))));    // keep 30 days
 * collection.trim(Retention.lastRevisions(10).orNewerThan(lastMonth));               // keep both
 * }</pre>
 *
 * <p>Like every trim, the leaf and its content are always kept, and only revision files are removed: the data
 * they alone referenced is reclaimed by the garbage collector.
 */
public final class Retention {
  private final Integer lastRevisions;
  private final Instant newerThan;

  private Retention(Integer lastRevisions, Instant newerThan) {
    this.lastRevisions = lastRevisions;
    this.newerThan = newerThan;
  }

  /**
   * Keeps the last {@code n} revisions.
   *
   * @throws ValidationException when {@code n < 1}
   */
  public static Retention lastRevisions(int n) {
    ValidationException.check(n >= 1, "Cannot keep %d revisions: keep at least 1", n);
    return new Retention(n, null);
  }

  /** Keeps the revisions written at or after {@code instant}. */
  public static Retention newerThan(Instant instant) {
    return new Retention(null, Objects.requireNonNull(instant, "instant"));
  }

  /** This policy, also keeping the revisions written at or after {@code instant}. */
  public Retention orNewerThan(Instant instant) {
    return new Retention(lastRevisions, Objects.requireNonNull(instant, "instant"));
  }

  /** This policy, also keeping the last {@code n} revisions. */
  public Retention orLastRevisions(int n) {
    ValidationException.check(n >= 1, "Cannot keep %d revisions: keep at least 1", n);
    return new Retention(n, newerThan);
  }

  /**
   * The trim horizon for a changelog whose traversal is {@code log}: an 11-hex epoch such that trimming the
   * revisions before it keeps what this policy keeps.
   */
  public String horizon(List<Revision> log) {
    String horizon = null;
    if (lastRevisions != null) {
      horizon = log.size() <= lastRevisions ? Hextime.of(0) : log.get(log.size() - lastRevisions).epoch();
    }
    if (newerThan != null) {
      String t = Hextime.of(Math.max(0, newerThan.toEpochMilli()));
      horizon = horizon == null || t.compareTo(horizon) < 0 ? t : horizon;
    }
    return horizon;
  }

  @Override
  public String toString() {
    return "Retention(" + (lastRevisions == null ? "" : "last " + lastRevisions)
        + (lastRevisions != null && newerThan != null ? " or " : "") + (newerThan == null ? "" : "since " + newerThan)
        + ")";
  }
}
