package io.lakota;

import io.lakota.storage.Pod;
import io.lakota.testing.Render;
import io.lakota.version.Revision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a repository reads back, as plain values that two repositories can be compared on. */
final class RepoContent {
  private RepoContent() {}

  /**
   * Every collection: its schema, series labels, revision paths (the whole log) and every series' frame, column by
   * column.
   */
  static Map<String, Object> of(Repo repo) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String label : repo.ls()) {
      Collection collection = repo.collection(label);
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("schema", collection.schema().dump());
      c.put("ls", collection.ls());
      List<String> log = new ArrayList<>();
      for (Revision revision : collection.changelog().log()) {
        log.add(revision.path());
      }
      c.put("log", log);
      Map<String, Object> frames = new LinkedHashMap<>();
      for (String series : collection.ls()) {
        frames.put(series, Render.frame(collection.series(series).frame()));
      }
      c.put("frames", frames);
      out.put(label, c);
    }
    return out;
  }

  /**
   * Copies every file of {@code from} that {@code to} lacks, data files before revision files (revisions are the
   * files at depth 4, {@code 00/00/<rest>/<revision>}), as a push does: a reader of {@code to} never sees a
   * revision whose data is missing. Returns the number of files copied.
   */
  static int copy(Pod from, Pod to) {
    List<String> files = new ArrayList<>(from.walk());
    files.sort((a, b) -> Integer.compare(depth(a), depth(b)));
    int copied = 0;
    for (String path : files) {
      if (to.write(path, from.read(path)) >= 0) {
        copied++;
      }
    }
    return copied;
  }

  private static int depth(String path) {
    return path.split("/").length;
  }
}
