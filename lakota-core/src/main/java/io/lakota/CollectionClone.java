package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.Casts;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Schema;
import io.lakota.format.codec.ColumnCodec;
import io.lakota.object.ObjectStore;
import io.lakota.version.Commit;
import io.lakota.version.CommitAttempt;
import io.lakota.version.CommitRow;
import io.lakota.version.Revision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link Collection#clone}: one commit for the target's schema built from the source's leaf commit (SEMANTICS.md
 * §9). Existing columns keep their digests (the data files are shared, or copied when the target lives in another
 * pod); new columns get arrays of their default value, always embedded.
 */
final class CollectionClone {
  private CollectionClone() {}

  static List<Revision> into(Collection source, Collection target, Map<String, String> rename,
      Map<String, ?> defaults) {
    if (!target.isEmpty()) {
      throw new ValidationException("Clone can only be saved into an empty collection");
    }
    Schema from = source.schema();
    Schema to = target.schema();
    Map<String, String> newToOld = new HashMap<>();
    for (Map.Entry<String, String> e : rename.entrySet()) {
      ValidationException.check(to.has(e.getValue()),
          "Cannot clone collection \"%s\" into \"%s\": the new name \"%s\" of column \"%s\" is not a column of it",
          source.label(), target.label(), e.getValue(), e.getKey());
      newToOld.put(e.getValue(), e.getKey());
    }
    for (String name : defaults.keySet()) {
      ValidationException.check(to.has(name), "Cannot clone collection \"%s\" into \"%s\": unknown column \"%s\"",
          source.label(), target.label(), name);
    }
    // cast the defaults first: a bad default must fail before anything is written
    Map<String, Object> fill = new HashMap<>();
    for (ColumnDefinition c : to.columns()) {
      fill.put(c.name(), defaults.containsKey(c.name()) ? Casts.value(c, defaults.get(c.name())) : Casts.zero(c));
    }
    Commit leaf = source.leafCommit();
    if (leaf == null) {
      return List.of();
    }
    Map<String, byte[]> embedded = new TreeMap<>(leaf.embedded());
    Map<String, String> filledDigests = new HashMap<>();
    List<CommitRow> rows = new ArrayList<>();
    for (CommitRow r : leaf.rows()) {
      String[] digests = new String[to.columns().size()];
      List<Object> start = new ArrayList<>();
      List<Object> stop = new ArrayList<>();
      for (int i = 0; i < digests.length; i++) {
        ColumnDefinition c = to.columns().get(i);
        String old = newToOld.getOrDefault(c.name(), c.name());
        boolean kept = from.has(old);
        if (kept) {
          digests[i] = r.digest(from.position(old));
        } else {
          String key = c.name() + "/" + r.length();
          String d = filledDigests.get(key);
          if (d == null) {
            ValidationException.check(r.length() <= Integer.MAX_VALUE - 8, "Cannot clone a row of %d values",
                r.length());
            ColumnCodec.Encoded enc = ColumnCodec.of(c).encodeWithDigest(
                Casts.filled(c, fill.get(c.name()), (int) r.length()));
            embedded.put(enc.digest(), enc.bytes());
            d = enc.digest();
            filledDigests.put(key, d);
          }
          digests[i] = d;
        }
        if (c.isIndex()) {
          if (kept && from.column(old).isIndex()) {
            int pos = from.index().indexOf(from.column(old));
            start.add(Casts.value(c, r.start()[pos]));
            stop.add(Casts.value(c, r.stop()[pos]));
          } else {
            start.add(fill.get(c.name()));
            stop.add(fill.get(c.name()));
          }
        }
      }
      rows.add(new CommitRow(r.label(), start.toArray(), stop.toArray(), digests, r.length(), r.closed()));
    }
    Commit next;
    try {
      next = Commit.of(to, rows, embedded);
    } catch (IllegalStateException e) {
      throw new ValidationException("Cannot clone collection \"" + source.label() + "\" into \"" + target.label()
          + "\": its index orders the rows differently (" + e.getMessage() + ")", e);
    }
    copyDataFiles(source, target, next);
    // conditional on the target still being empty: a writer that committed into it meanwhile is never forked away
    CommitAttempt a = target.commitOnce(null, empty -> next);
    if (!a.isCommitted()) {
      throw new ValidationException("Clone can only be saved into an empty collection");
    }
    return a.revisions();
  }

  /** Data files referenced by the new commit, copied when the target is in another pod (write-once). */
  private static void copyDataFiles(Collection source, Collection target, Commit next) {
    if (source.repo().pod() == target.repo().pod()) {
      return;
    }
    ObjectStore from = source.repo().objects();
    ObjectStore to = target.repo().objects();
    for (CommitRow r : next.rows()) {
      for (String d : r.digests()) {
        if (!next.embedded().containsKey(d) && !to.exists(d)) {
          to.write(d, from.read(d));
        }
      }
    }
  }
}
