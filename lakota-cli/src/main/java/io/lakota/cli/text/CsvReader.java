package io.lakota.cli.text;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.lakota.errors.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (CLI.md §2.1) with FastCSV: {@code ,} separators, {@code \n}, {@code \r\n} or {@code \r} line ends,
 * quoted fields that may hold separators, doubled quotes and line breaks; text after a closing quote is kept as
 * Python's {@code csv} module does ({@code "ab"cd} is {@code abcd}). Blank lines are ignored (the reference fails
 * on them) and every record must have as many fields as the header. A leading byte order mark is dropped.
 * Stateless.
 */
public final class CsvReader {
  private CsvReader() {}

  /** The parsed content: the header and the records, each as many fields as the header. */
  public record Content(List<String> header, List<String[]> records) {}

  /**
   * Parses {@code text}.
   *
   * @return null when the text holds no record at all (not even a header)
   * @throws ValidationException {@code Cannot parse CSV: …} for an unterminated quoted field or a record whose
   *     field count differs from the header's, naming its line
   */
  public static Content parse(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> header = null;
    List<String[]> records = new ArrayList<>();
    try (de.siegmar.fastcsv.reader.CsvReader<CsvRecord> reader = builder().ofCsvRecord(body)) {
      for (CsvRecord r : reader) {
        if (header == null) {
          header = List.copyOf(r.getFields());
          continue;
        }
        if (r.getFieldCount() != header.size()) {
          throw new ValidationException("Cannot parse CSV: line " + r.getStartingLineNumber() + " has "
              + r.getFieldCount() + " fields, the header has " + header.size());
        }
        records.add(r.getFields().toArray(new String[0]));
      }
    } catch (CsvParseException e) {
      throw new ValidationException("Cannot parse CSV: " + e.getMessage(), e);
    } catch (java.io.IOException e) {
      // a String source does not fail; closing it neither
      throw new java.io.UncheckedIOException(e);
    }
    return header == null ? null : new Content(header, records);
  }

  @SuppressWarnings("removal") // Python's csv keeps what follows a closing quote; FastCSV 4 still offers it
  private static de.siegmar.fastcsv.reader.CsvReader.CsvReaderBuilder builder() {
    return de.siegmar.fastcsv.reader.CsvReader.builder()
        .fieldSeparator(',')
        .quoteCharacter('"')
        .commentStrategy(CommentStrategy.NONE)
        .skipEmptyLines(true)
        // the field count is checked above, with the header's count in the message
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .allowExtraCharsAfterClosingQuote(true)
        .allowUnclosedQuote(false);
  }
}
