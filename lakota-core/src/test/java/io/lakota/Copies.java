package io.lakota;

import io.lakota.storage.Pod;

/**
 * A stand-in for a collection pull (SEMANTICS.md §14.1) in tests that are not about sync: copies the data files of
 * the source repository, then the revision files of the source collection into the target collection's folder.
 */
final class Copies {
  private Copies() {}

  static void collection(Collection from, Collection to) {
    Pod src = from.repo().pod();
    Pod dst = to.repo().pod();
    for (String p : src.walk(3)) {
      if (p.chars().filter(ch -> ch == '/').count() == 2) {
        dst.write(p, src.read(p));
      }
    }
    for (String name : src.ls(from.path(), true)) {
      dst.write(to.path() + "/" + name, src.read(from.path() + "/" + name));
    }
    to.refresh();
  }
}
