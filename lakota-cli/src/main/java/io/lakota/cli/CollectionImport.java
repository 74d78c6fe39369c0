package io.lakota.cli;

import io.lakota.Collection;
import io.lakota.Frame;
import io.lakota.Repo;
import io.lakota.cli.text.CsvReader;
import io.lakota.errors.ValidationException;
import io.lakota.format.Schema;
import io.lakota.internal.util.Json;
import io.lakota.storage.Pod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads collections from the export layout (FORMAT.md §10): each folder's {@code _schema.json} creates the
 * collection when it does not exist, and every other file is a series (named by the file name without its last
 * extension). All files of a collection are parsed and checked first, then written in one batch (one revision).
 */
final class CollectionImport {
  private CollectionImport() {}

  /** Imports the collection folders of {@code source} named in {@code labels} (all when empty). */
  static void importFrom(Repo repo, Pod source, List<String> labels, Progress.Factory progress) {
    List<String> folders = new ArrayList<>();
    for (String name : source.ls(".", false)) {
      // dot entries belong to the pod (the file pod's temporary folder), not to the export
      if (!name.startsWith(".")) {
        folders.add(name);
      }
    }
    Collections.sort(folders);
    if (!labels.isEmpty()) {
      folders.retainAll(new HashSet<>(labels));
    }
    try (Progress bar = progress.start("import", folders.size())) {
      for (String folder : folders) {
        importCollection(repo, source, folder);
        bar.step();
      }
    }
  }

  private static void importCollection(Repo repo, Pod source, String folder) {
    Schema schema = Schema.load(Json.parse(
        new String(source.read(folder + "/_schema.json"), StandardCharsets.UTF_8)));
    List<String> files = new ArrayList<>(source.ls(folder, false));
    Collections.sort(files);
    Map<String, Frame> series = new LinkedHashMap<>();
    for (String file : files) {
      if (file.startsWith("_") || file.startsWith(".")) {
        continue;
      }
      String path = folder + "/" + file;
      int dot = file.lastIndexOf('.');
      String extension = dot < 0 ? "" : file.substring(dot + 1);
      if (extension.equals("parquet")) {
        throw CliException.of("ValueError", "Unsupported file type \"parquet\"");
      }
      if (!extension.equals("csv")) {
        throw CliException.of("ValueError", "Unable to load " + path + ", extension not supported");
      }
      CsvReader.Content csv = CsvReader.parse(new String(source.read(path), StandardCharsets.UTF_8));
      if (csv == null || !new HashSet<>(csv.header()).equals(new HashSet<>(schema.names()))
          || csv.header().size() != schema.names().size()) {
        throw CliException.of("ValueError", "Unable to load " + path + ": its columns "
            + (csv == null ? "[]" : csv.header()) + " are not the schema's " + schema.names());
      }
      Frame frame = CsvColumns.frame(schema, csv);
      CsvColumns.checkSorted(schema, frame);
      if (!frame.isEmpty()) {
        series.put(file.substring(0, dot), frame);
      }
    }
    Collection c = repo.collection(folder);
    if (c == null) {
      c = repo.createCollection(schema, folder);
    }
    Collection target = c;
    try {
      target.multi(batch -> series.forEach((name, frame) -> target.series(name).write(frame)));
    } catch (ValidationException e) {
      throw CliException.of("ValueError", "Unable to import collection \"" + folder + "\": " + e.getMessage());
    }
  }
}
