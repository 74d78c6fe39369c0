package io.lakota;

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
}
