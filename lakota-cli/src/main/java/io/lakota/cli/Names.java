package io.lakota.cli;

import io.lakota.Collection;
import io.lakota.Repo;
import io.lakota.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolution of collection and series arguments (CLI.md §3): an exact name, else a unique prefix; a series
 * without rows cannot be resolved. Failures are lookup failures ({@code Collection "C" not found},
 * {@code Series 'C/S' not found}).
 */
final class Names {
  private Names() {}

  /** The collection named {@code name}, else the only one whose name starts with it. */
  static Collection collection(Repo repo, String name) {
    if (!name.isEmpty()) {
      Collection exact = repo.collection(name);
      if (exact != null) {
        return exact;
      }
      List<String> matches = new ArrayList<>();
      for (String c : repo.ls()) {
        if (c.startsWith(name)) {
          matches.add(c);
        }
      }
      if (matches.size() == 1) {
        return repo.collection(matches.get(0));
      }
    }
    throw CliException.notFound("Collection \"" + name + "\" not found");
  }

  /** The series of a {@code collection/series} argument. */
  static Series series(Repo repo, String label) {
    int slash = label.indexOf('/');
    if (slash < 0) {
      throw CliException.notFound("Label argument should have the form \"collection/series\"");
    }
    Collection c = collection(repo, label.substring(0, slash));
    String prefix = label.substring(slash + 1);
    List<String> matches = new ArrayList<>();
    for (String s : c.ls()) {
      if (s.startsWith(prefix)) {
        matches.add(s);
      }
    }
    if (matches.size() == 1) {
      return c.series(matches.get(0));
    }
    if (matches.contains(prefix)) {
      return c.series(prefix);
    }
    throw CliException.notFound("Series '" + label + "' not found");
  }

  /** The collection part of a {@code collection/series} argument, for commands that create the series. */
  static String[] split(String label) {
    int slash = label.indexOf('/');
    if (slash < 0) {
      throw CliException.notFound("Label argument should have the form \"collection/series\"");
    }
    return new String[] {label.substring(0, slash), label.substring(slash + 1)};
  }
}
