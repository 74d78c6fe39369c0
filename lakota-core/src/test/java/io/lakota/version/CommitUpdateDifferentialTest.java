package io.lakota.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.Closed;
import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import io.lakota.format.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * {@link Commit#update} against a verbatim transcription of SEMANTICS.md §12.2 (the reference's algorithm with the
 * §20 bug-3 fix), on random commits and rows. Ours always shows the right data (the old points outside the new
 * row's interval, the new row's inside; points identified by digest and position, so stale values count as wrong)
 * and gives every point to the right row. Whenever the reference's result also gives every point to the right row,
 * both results have the same rows, apart from rows that own nothing.
 */
class CommitUpdateDifferentialTest {
  static final Schema SCHEMA = Schema.parse("timestamp int*", "value float");
  static final List<Dtype> DT = SCHEMA.indexDtypes();
  static final long SEED = 1_220_2026L;

  /** The arrays of the rows, by digest: sorted index values. */
  final Map<String, long[]> arrays = new HashMap<>();

  @Test
  void sameRowsWheneverTheReferenceIsRight() {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    int agreed = 0;
    int referenceWrong = 0;
    for (int trial = 0; trial < 3000; trial++) {
      Commit c = Commit.empty(SCHEMA);
      for (int i = rnd.nextInt(1, 6); i > 0; i--) {
        c = c.update(randomRow(rnd, trial + "-" + i), Map.of());
      }
      CommitRow row = randomRow(rnd, trial + "-new");
      String where = "seed " + SEED + ", trial " + trial + ": " + c.rows() + " + " + row;
      Map<String, List<String>> expected = new HashMap<>();
      Map<String, List<String>> expectedClaims = new HashMap<>();
      for (String label : List.of("a", "s", "t")) {
        expected.put(label, label.equals(row.label()) ? expected(c, row) : visible(c, label));
        expectedClaims.put(label, label.equals(row.label()) ? expectedClaims(c, row) : claims(c, label));
      }
      Commit ours = c.update(row, Map.of());
      assertThat(visibleByLabel(ours)).as("ours, %s", where).isEqualTo(expected);
      assertThat(claimsByLabel(ours)).as("ours, %s", where).isEqualTo(expectedClaims);
      Commit reference = referenceUpdate(c, row);
      if (reference != null && claimsByLabel(reference).equals(expectedClaims)) {
        assertThat(owning(ours.rows(), row)).as("same rows, %s", where).isEqualTo(owning(reference.rows(), row));
        agreed++;
      } else {
        referenceWrong++;
      }
    }
    // both kinds of cases are exercised
    assertThat(agreed).as("seed %d", SEED).isGreaterThan(2000);
    assertThat(referenceWrong).as("seed %d", SEED).isGreaterThan(10);
  }

  @Test
  void updateAllIsSuccessiveUpdates() {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 1);
    for (int trial = 0; trial < 2000; trial++) {
      Commit base = Commit.empty(SCHEMA);
      for (int i = rnd.nextInt(0, 6); i > 0; i--) {
        base = base.update(randomRow(rnd, trial + "-" + i), Map.of(trial + "-" + i, new byte[] {(byte) i}));
      }
      List<CommitRow> rows = new ArrayList<>();
      List<Map<String, byte[]>> embedded = new ArrayList<>();
      Commit successive = base;
      for (int i = rnd.nextInt(0, 12); i > 0; i--) {
        CommitRow row = randomRow(rnd, trial + "-new-" + i);
        Map<String, byte[]> emb = rnd.nextBoolean() ? Map.of() : Map.of(trial + "-new-" + i, new byte[] {(byte) -i});
        rows.add(row);
        embedded.add(emb);
        successive = successive.update(row, emb);
      }
      Commit all = base.updateAll(rows, embedded);
      String where = "seed " + (SEED + 1) + ", trial " + trial;
      assertThat(all).as(where).isEqualTo(successive);
      assertThat(CommitCodec.encode(all)).as(where).isEqualTo(CommitCodec.encode(successive));
    }
  }

  CommitRow randomRow(RandomGenerator rnd, String digest) {
    String label = rnd.nextInt(6) == 0 ? (rnd.nextBoolean() ? "a" : "t") : "s";
    long a = rnd.nextInt(0, 12);
    long b = a + rnd.nextInt(0, 5);
    long[] keys = new long[rnd.nextInt(0, 5)];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = rnd.nextInt((int) a - 1, (int) b + 2);
    }
    Arrays.sort(keys);
    arrays.put(digest, keys);
    Closed closed = Closed.values()[rnd.nextInt(4)];
    return new CommitRow(label, new Object[] {a}, new Object[] {b}, new String[] {digest, digest}, keys.length,
        closed);
  }

  Map<String, List<String>> visibleByLabel(Commit c) {
    Map<String, List<String>> out = new HashMap<>();
    for (String label : List.of("a", "s", "t")) {
      out.put(label, visible(c, label));
    }
    return out;
  }

  /**
   * The points each row of a label owns, at half-integer resolution ({@code 2·point@digest}, so that open
   * intervals such as {@code (3, 4)} own something), whatever its array holds: an algorithm that is right for
   * every possible array gets these right.
   */
  List<String> claims(Commit c, String label) {
    List<String> out = new ArrayList<>();
    for (CommitRow r : c.rows(label)) {
      long s = 2 * (Long) r.startRef()[0];
      long e = 2 * (Long) r.stopRef()[0];
      for (long p = s; p <= e; p++) {
        if (inside(p, s, e, r.closed())) {
          out.add(p + "@" + r.digest(0));
        }
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * The rows, without those that own nothing at all ({@code [x -> x]} with another flag than {@code b}, left by
   * degenerate writes) apart from the new row: the reference keeps some of them where we drop them.
   */
  static List<CommitRow> owning(List<CommitRow> rows, CommitRow inner) {
    List<CommitRow> out = new ArrayList<>();
    for (CommitRow r : rows) {
      if (r.equals(inner) || !(Values.compareTuples(DT, r.startRef(), r.stopRef()) == 0 && r.closed() != Closed.BOTH)) {
        out.add(r);
      }
    }
    return out;
  }

  Map<String, List<String>> claimsByLabel(Commit c) {
    Map<String, List<String>> out = new HashMap<>();
    for (String label : List.of("a", "s", "t")) {
      out.put(label, claims(c, label));
    }
    return out;
  }

  /** The old owners outside the new row's interval, the new row inside it. */
  List<String> expectedClaims(Commit c, CommitRow row) {
    long s = 2 * (Long) row.startRef()[0];
    long e = 2 * (Long) row.stopRef()[0];
    List<String> out = new ArrayList<>();
    for (String p : claims(c, row.label())) {
      if (!inside(Long.parseLong(p.substring(0, p.indexOf('@'))), s, e, row.closed())) {
        out.add(p);
      }
    }
    for (long p = s; p <= e; p++) {
      if (inside(p, s, e, row.closed())) {
        out.add(p + "@" + row.digest(0));
      }
    }
    out.sort(null);
    return out;
  }

  /** The visible points of a label: {@code key@digest#position}, in row order. */
  List<String> visible(Commit c, String label) {
    List<String> out = new ArrayList<>();
    for (CommitRow r : c.rows(label)) {
      long[] keys = arrays.get(r.digest(0));
      int[] ij = IndexSearch.slice(DT, List.of(keys), keys.length, r.startRef(), r.stopRef(), r.closed());
      for (int i = ij[0]; i < ij[1]; i++) {
        out.add(keys[i] + "@" + r.digest(0) + "#" + i);
      }
    }
    return out;
  }

  /** The old points outside the new row's interval and the new row's points inside it, in key order. */
  List<String> expected(Commit c, CommitRow row) {
    List<String> out = new ArrayList<>();
    long s = (Long) row.startRef()[0];
    long e = (Long) row.stopRef()[0];
    for (String p : visible(c, row.label())) {
      long k = Long.parseLong(p.substring(0, p.indexOf('@')));
      if (!inside(k, s, e, row.closed())) {
        out.add(p);
      }
    }
    long[] keys = arrays.get(row.digest(0));
    for (int i = 0; i < keys.length; i++) {
      if (inside(keys[i], s, e, row.closed())) {
        out.add(keys[i] + "@" + row.digest(0) + "#" + i);
      }
    }
    out.sort((x, y) -> Long.compare(Long.parseLong(x.substring(0, x.indexOf('@'))),
        Long.parseLong(y.substring(0, y.indexOf('@')))));
    return out;
  }

  static boolean inside(long k, long s, long e, Closed closed) {
    return (k > s || (k == s && closed.left())) && (k < e || (k == e && closed.right()));
  }

  /** SEMANTICS.md §12.2, line by line; null when its rows overlap (then it is wrong too). */
  static Commit referenceUpdate(Commit commit, CommitRow row) {
    List<CommitRow> rows = commit.rows();
    String label = row.label();
    Object[] start = row.startRef();
    Object[] stop = row.stopRef();
    Closed closed = row.closed();
    int n = rows.size();
    if (n == 0) {
      return Commit.of(SCHEMA, List.of(row), Map.of());
    }
    if (Commit.compareKeys(DT, label, start, rows.get(0).label(), rows.get(0).startRef()) < 0
        && Commit.compareKeys(DT, label, stop, rows.get(n - 1).label(), rows.get(n - 1).stopRef()) > 0) {
      return Commit.of(SCHEMA, List.of(row), Map.of());
    }
    int startPos = 0;
    while (startPos < n && Commit.compareKeys(DT, rows.get(startPos).label(), rows.get(startPos).stopRef(), label,
        start) <= 0) {
      startPos++;
    }
    int stopPos = 0;
    while (stopPos < n && Commit.compareKeys(DT, rows.get(stopPos).label(), rows.get(stopPos).startRef(), label,
        stop) < 0) {
      stopPos++;
    }
    CommitRow startRow = null;
    if (startPos > 0 && Commit.compareKeys(DT, rows.get(startPos - 1).label(), rows.get(startPos - 1).stopRef(),
        label, start) == 0) {
      startPos -= 1;
      startRow = rows.get(startPos);
    }
    if (startRow == null) {
      startRow = rows.get(Math.min(startPos, n - 1));
    }
    List<CommitRow> out = new ArrayList<>(rows.subList(0, startPos));
    if (startRow.label().equals(label) && Values.compareTuples(DT, startRow.startRef(), start) <= 0
        && Values.compareTuples(DT, start, startRow.stopRef()) <= 0) {
      CommitRow cut = startRow.withRange(startRow.startRef(), start, startRow.closed().setRight(!closed.left()));
      if (!(Values.compareTuples(DT, cut.startRef(), cut.stopRef()) == 0 && cut.closed() != Closed.BOTH)) {
        out.add(cut);
      }
    }
    out.add(row);
    CommitRow stopRow = null;
    if (stopPos < n && Commit.compareKeys(DT, rows.get(stopPos).label(), rows.get(stopPos).startRef(), label,
        stop) == 0) {
      stopRow = rows.get(stopPos);
      stopPos += 1;
    }
    if (stopRow == null) {
      stopRow = rows.get(Math.max(0, stopPos - 1));
    }
    List<CommitRow> tail = new ArrayList<>();
    if (stopRow.label().equals(label) && Values.compareTuples(DT, stopRow.startRef(), stop) <= 0
        && Values.compareTuples(DT, stop, stopRow.stopRef()) <= 0) {
      CommitRow cut = stopRow.withRange(stop, stopRow.stopRef(), stopRow.closed().setLeft(!closed.right()));
      if (!(Values.compareTuples(DT, cut.startRef(), cut.stopRef()) == 0 && cut.closed() != Closed.BOTH)) {
        tail.add(cut);
      }
    }
    out.addAll(tail);
    out.addAll(rows.subList(stopPos, n));
    try {
      return Commit.of(SCHEMA, out, Map.of());
    } catch (IllegalStateException overlapping) {
      return null;
    }
  }
}
