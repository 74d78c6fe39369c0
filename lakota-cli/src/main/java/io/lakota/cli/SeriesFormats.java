package io.lakota.cli;

import io.lakota.SeriesFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The file formats {@code export} and {@code import} know: CSV always, and whatever {@link SeriesFormat} providers
 * the class path holds ({@code lakota-parquet} registers Parquet). Looked up only by these two commands, so that
 * other commands never load them.
 */
final class SeriesFormats {
  private SeriesFormats() {}

  /** Every available format, CSV first. */
  static List<SeriesFormat> all() {
    List<SeriesFormat> out = new ArrayList<>();
    out.add(CsvFormat.INSTANCE);
    for (SeriesFormat f : ServiceLoader.load(SeriesFormat.class, SeriesFormats.class.getClassLoader())) {
      out.add(f);
    }
    return out;
  }

  /**
   * The format of a file type.
   *
   * @throws CliException {@code ValueError: Unsupported file type "<type>"} when no provider gives it
   */
  static SeriesFormat of(String type) {
    for (SeriesFormat f : all()) {
      if (f.extension().equals(type)) {
        return f;
      }
    }
    throw CliException.of("ValueError", "Unsupported file type \"" + type + "\"");
  }
}
