package io.lakota;

import io.lakota.errors.NotFoundException;
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
import java.util.Set;
import java.util.function.Consumer;

/**
 * Export and import of collections in the layout of FORMAT.md §10, whatever the file format of the series:
 * {@code <collection>/_schema.json} and one {@code <collection>/<series>.<extension>} file per series. Stateless.
 */
final class Exchange {
  /** The schema file of a collection folder. */
  static final String SCHEMA_FILE = "_schema.json";
  /** The file types the layout knows, whether or not a format is given for them. */
  private static final Set<String> KNOWN_TYPES = Set.of("csv", "parquet");

  private Exchange() {}

  /** Writes one collection into {@code target}; false (nothing written) when it does not exist. */
  static boolean export(Repo repo, Pod target, SeriesFormat format, String label) {
    Collection c = repo.collection(label);
    if (c == null) {
      return false;
    }
    String folder = c.label();
    // files are write-once: a second export into the same place leaves what is there
    target.write(folder + "/" + SCHEMA_FILE, Json.write(c.schema().dump()).getBytes(StandardCharsets.UTF_8));
    for (String s : c.ls()) {
      target.write(folder + "/" + s + "." + format.extension(), format.encode(c.series(s).frame()));
    }
    return true;
  }

  /** The collection folders of an export, sorted; entries starting with a dot belong to the pod, not the export. */
  static List<String> folders(Pod source) {
    List<String> out = new ArrayList<>();
    for (String name : source.ls(".", false)) {
      if (!name.startsWith(".") && source.isDir(name)) {
        out.add(name);
      }
    }
    Collections.sort(out);
    return out;
  }

  /**
   * Imports collection folders: every folder is loaded and checked before anything is written, so that a bad file
   * leaves the repository unchanged; then each collection is created if needed and its series written in one batch.
   */
  static List<String> importAll(Repo repo, Pod source, List<String> labels, Consumer<String> imported,
      List<SeriesFormat> formats) {
    List<String> folders = folders(source);
    if (!labels.isEmpty()) {
      folders.retainAll(new HashSet<>(labels));
    }
    Map<String, SeriesFormat> byType = new LinkedHashMap<>();
    for (SeriesFormat f : formats) {
      byType.putIfAbsent(f.extension(), f);
    }
    for (String folder : folders) {
      load(repo, source, folder, byType);
    }
    for (String folder : folders) {
      Loaded l = load(repo, source, folder, byType);
      Collection c = repo.collection(folder);
      Collection target = c != null ? c : repo.createCollection(l.schema(), folder);
      if (!l.series().isEmpty()) {
        target.multi(batch -> l.series().forEach((name, frame) -> target.series(name).write(frame)));
      }
      imported.accept(folder);
    }
    return folders;
  }

  private record Loaded(Schema schema, Map<String, Frame> series) {}

  private static Loaded load(Repo repo, Pod source, String folder, Map<String, SeriesFormat> formats) {
    Schema schema;
    Collection existing = repo.collection(folder);
    try {
      Schema exported = Schema.load(Json.parse(
          new String(source.read(folder + "/" + SCHEMA_FILE), StandardCharsets.UTF_8)));
      // an existing collection keeps its own schema: the files are read into it
      schema = existing != null ? existing.schema() : exported;
    } catch (NotFoundException e) {
      throw new ValidationException("Unable to load " + folder + ": no " + SCHEMA_FILE + " in it", e);
    }
    List<String> files = new ArrayList<>(source.ls(folder, false));
    Collections.sort(files);
    Map<String, Frame> series = new LinkedHashMap<>();
    for (String file : files) {
      if (file.startsWith("_") || file.startsWith(".")) {
        continue;
      }
      String path = folder + "/" + file;
      int dot = file.lastIndexOf('.');
      String type = dot < 0 ? "" : file.substring(dot + 1);
      SeriesFormat format = formats.get(type);
      if (format == null) {
        if (KNOWN_TYPES.contains(type)) {
          throw new ValidationException("Unsupported file type \"" + type + "\"");
        }
        throw new ValidationException("Unable to load " + path + ", extension not supported");
      }
      Frame frame = frame(schema, format.decode(source.read(path), schema, path), path);
      if (!frame.isEmpty()) {
        series.put(file.substring(0, dot), frame);
      }
    }
    return new Loaded(schema, series);
  }

  private static Frame frame(Schema schema, Map<String, Object> columns, String path) {
    if (!new HashSet<>(columns.keySet()).equals(new HashSet<>(schema.names()))) {
      throw new ValidationException("Unable to load " + path + ": its columns " + new ArrayList<>(columns.keySet())
          + " are not the schema's " + schema.names());
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String name : schema.names()) {
      ordered.put(name, columns.get(name));
    }
    Frame frame;
    try {
      frame = new Frame(schema, ordered);
    } catch (ValidationException e) {
      throw new ValidationException("Unable to load " + path + ": " + e.getMessage(), e);
    }
    if (!schema.isKv() && !frame.isSorted()) {
      List<String> index = new ArrayList<>();
      schema.index().forEach(c -> index.add(c.name()));
      throw new ValidationException("Unable to load " + path + ": its rows are not sorted on the index " + index);
    }
    return frame;
  }
}
