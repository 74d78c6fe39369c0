package io.lakota.cli.text;

import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV the way Python's {@code csv} module does by default (CLI.md §2.1), with FastCSV: {@code ,} between
 * fields, {@code \r\n} after every record, a field quoted only when it contains {@code ,}, {@code "}, {@code \r} or
 * {@code \n} (with {@code "} doubled), and a record made of one empty field written {@code ""}. A null field is
 * written empty. Appends to a caller-owned {@link StringBuilder}; one instance per builder, single-threaded.
 */
public final class CsvWriter {
  private final LoneEmptyField quotes = new LoneEmptyField();
  private final de.siegmar.fastcsv.writer.CsvWriter csv;

  /** A writer appending to {@code out}. */
  public CsvWriter(StringBuilder out) {
    this.csv = de.siegmar.fastcsv.writer.CsvWriter.builder()
        .fieldSeparator(',')
        .quoteCharacter('"')
        // FastCSV quotes a first field starting with the comment character, Python never does: a noncharacter
        // keeps that from happening to real text
        .commentCharacter('\uFFFF')
        .lineDelimiter(LineDelimiter.CRLF)
        .quoteStrategy(quotes)
        .bufferSize(0)
        .build(new Appending(out));
  }

  /** Appends one record to a builder. */
  public static void record(StringBuilder out, List<String> fields) {
    new CsvWriter(out).record(fields);
  }

  /** Appends one record. */
  public void record(List<String> fields) {
    // a lone empty field would be an empty line, which readers skip
    quotes.lone = fields.size() == 1;
    csv.writeRecord(fields);
  }

  /** Appends one record. */
  public void record(String... fields) {
    quotes.lone = fields.length == 1;
    csv.writeRecord(fields);
  }

  /** FastCSV's "required" quoting, plus {@code ""} for a record of one empty or null field. */
  private static final class LoneEmptyField implements QuoteStrategy {
    boolean lone;

    @Override
    public boolean quoteNull(int lineNo, int fieldIdx) {
      return lone;
    }

    @Override
    public boolean quoteEmpty(int lineNo, int fieldIdx) {
      return lone;
    }
  }

  /** The unbuffered sink FastCSV writes through (bufferSize 0): straight into the builder. */
  private static final class Appending extends Writer {
    private final StringBuilder out;

    Appending(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      out.append(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
      out.append(s, offset, offset + length);
    }

    @Override
    public void write(int c) {
      out.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
