package io.lakota.cli;

import io.lakota.Collection;
import io.lakota.Repo;
import java.util.ArrayList;
import java.util.List;

/** The collections that {@code defrag} and {@code trim} work on (CLI.md §4.8). */
final class Maintained {
  private Maintained() {}

  /**
   * The named collections (prefix resolution, all resolved before any work starts); with {@code all} every
   * collection then the registry; with neither, the registry alone.
   */
  static List<Collection> collections(Repo repo, List<String> names, boolean all) {
    List<Collection> out = new ArrayList<>();
    for (String name : names) {
      out.add(Names.collection(repo, name));
    }
    if (all) {
      out.addAll(repo.collections());
    }
    if (all || names.isEmpty()) {
      out.add(repo.registry());
    }
    return out;
  }
}
