package io.lakota;

import io.lakota.format.Schema;
import java.util.Map;

/**
 * A file format of the export layout (FORMAT.md §10): how one series is written to, and read back from, one
 * {@code <collection>/<series>.<extension>} file. The core knows the layout and no format; CSV lives in the command
 * line module and Parquet in {@code lakota-parquet}, so that the core depends on neither library. Implementations
 * are stateless and thread-safe.
 */
public interface SeriesFormat {

  /** The file extension, without dot: {@code csv}, {@code parquet}. */
  String extension();

  /** The content of the file of one series: every column of {@code frame}, in its schema's order. */
  byte[] encode(Frame frame);

  /**
   * The columns of a file, in file order, each as an array the frame constructor casts to the schema's dtypes
   * ({@code String[]} of text values, boxed values, or arrays already of the dtype's storage). An empty file gives an
   * empty map. Columns the schema does not have are still named (with any values), so that the caller can report
   * them.
   *
   * @param schema the schema of the collection the file is imported into (a typed format converts to it)
   * @param path the file's path in the source pod, for error messages
   * @throws io.lakota.errors.ValidationException when the file cannot be parsed, naming {@code path} and where
   */
  Map<String, Object> decode(byte[] content, Schema schema, String path);
}
