package io.lakota.cli.text;

import io.lakota.format.Dtype;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link Table} with the rules of the "simple" format of Python's tabulate 0.8.9 as Lakota uses it
 * (CLI.md §2.3): cells typed bool &lt; int &lt; numeric &lt; text, numeric columns printed with
 * {@code format(v, "g")} and decimal-aligned, text left-aligned, a header and a rule line, columns joined by two
 * spaces, lines right-trimmed. Stateless.
 */
public final class PrettyTable {
  /** Cell kinds, from the least to the most general. */
  private enum Kind {
    NONE,
    BOOL,
    INT,
    NUMERIC,
    TEXT
  }

  /** One cell: its kind, its text form and, for numbers, its value. */
  private record Cell(Kind kind, String text, double number) {}

  private PrettyTable() {}

  /** The table as text, every line ended by {@code \n}. */
  public static String render(Table table) {
    List<Table.Column> columns = table.columns();
    int n = table.length();
    List<List<String>> formatted = new ArrayList<>();
    List<Boolean> decimal = new ArrayList<>();
    List<Integer> widths = new ArrayList<>();
    for (Table.Column c : columns) {
      List<Cell> cells = new ArrayList<>(n);
      Kind kind = Kind.NONE;
      for (int i = 0; i < n; i++) {
        Cell cell = cell(c.dtype(), c.data(), i);
        cells.add(cell);
        if (cell.kind().compareTo(kind) > 0) {
          kind = cell.kind();
        }
      }
      if (n == 0 || kind == Kind.NONE) {
        kind = Kind.TEXT;
      }
      boolean numbers = kind == Kind.INT || kind == Kind.NUMERIC;
      List<String> texts = new ArrayList<>(n);
      for (Cell cell : cells) {
        texts.add(format(cell, kind));
      }
      if (numbers) {
        texts = alignDecimals(texts);
      }
      int width = length(c.name()) + 2;
      for (String t : texts) {
        width = Math.max(width, length(t));
      }
      formatted.add(texts);
      decimal.add(numbers);
      widths.add(width);
    }
    StringBuilder out = new StringBuilder();
    List<String> parts = new ArrayList<>();
    for (int j = 0; j < columns.size(); j++) {
      parts.add(pad(columns.get(j).name(), widths.get(j), decimal.get(j)));
    }
    line(out, parts);
    parts.clear();
    for (int j = 0; j < columns.size(); j++) {
      parts.add("-".repeat(widths.get(j)));
    }
    line(out, parts);
    for (int i = 0; i < n; i++) {
      parts.clear();
      for (int j = 0; j < columns.size(); j++) {
        parts.add(pad(formatted.get(j).get(i), widths.get(j), decimal.get(j)));
      }
      line(out, parts);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> parts) {
    String s = String.join("  ", parts);
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    out.append(s, 0, end).append('\n');
  }

  /** Right-aligned for numbers, left-aligned otherwise, to {@code width} code points. */
  private static String pad(String s, int width, boolean right) {
    String spaces = " ".repeat(Math.max(0, width - length(s)));
    return right ? spaces + s : s + spaces;
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  private static Cell cell(Dtype dtype, Object data, int i) {
    switch (dtype.kind()) {
      case INT:
      case UINT:
      case FLOAT:
      case BOOL:
        String text = ValueText.text(dtype, data, i);
        double number = dtype.kind() == Dtype.Kind.BOOL ? (((boolean[]) data)[i] ? 1 : 0)
            : dtype.kind() == Dtype.Kind.UINT ? new java.math.BigDecimal(text).doubleValue()
            : dtype.storage() == Dtype.Storage.DOUBLE ? ((double[]) data)[i]
            : dtype.storage() == Dtype.Storage.FLOAT ? ((float[]) data)[i]
            : Double.parseDouble(text);
        return new Cell(Kind.NUMERIC, text, number);
      case DATETIME:
        return new Cell(Kind.TEXT, ValueText.text(dtype, data, i), 0);
      case STRING:
      case FIXED_STRING:
        return stringCell(((String[]) data)[i]);
      default:
        return objectCell(((Object[]) data)[i]);
    }
  }

  private static Cell objectCell(Object v) {
    if (v == null) {
      return new Cell(Kind.NONE, "", 0);
    }
    if (v instanceof String) {
      return stringCell((String) v);
    }
    if (v instanceof Boolean) {
      return new Cell(Kind.BOOL, PythonLiteral.str(v), (Boolean) v ? 1 : 0);
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return new Cell(Kind.INT, v.toString(), ((Number) v).doubleValue());
    }
    if (v instanceof BigInteger) {
      return new Cell(Kind.INT, v.toString(), ((BigInteger) v).doubleValue());
    }
    if (v instanceof Double || v instanceof Float) {
      return new Cell(Kind.NUMERIC, PythonLiteral.str(v), ((Number) v).doubleValue());
    }
    if (v instanceof Temporal || v instanceof Map || v instanceof List) {
      return new Cell(Kind.TEXT, PythonLiteral.str(v), 0);
    }
    return new Cell(Kind.TEXT, PythonLiteral.str(v), 0);
  }

  /** A string typed as tabulate does: int if {@code int()} accepts it, numeric if {@code float()} does, … */
  private static Cell stringCell(String s) {
    if (s == null) {
      return new Cell(Kind.NONE, "", 0);
    }
    if (s.equals("True") || s.equals("False")) {
      return new Cell(Kind.BOOL, s, s.equals("True") ? 1 : 0);
    }
    if (PythonStrings.isInt(s)) {
      return new Cell(Kind.INT, s, new BigInteger(PythonStrings.strip(s).replace("_", "")).doubleValue());
    }
    if (PythonStrings.isNumber(s)) {
      return new Cell(Kind.NUMERIC, s, PythonStrings.toFloat(s));
    }
    return new Cell(Kind.TEXT, s, 0);
  }

  private static String format(Cell cell, Kind columnKind) {
    if (cell.kind() == Kind.NONE) {
      return "";
    }
    switch (columnKind) {
      case INT:
        return cell.text();
      case NUMERIC:
        return GeneralFormat.format(cell.number());
      default:
        return PythonStrings.strip(cell.text());
    }
  }

  /** Pads each number on the right so that the decimal points (or exponents) line up (tabulate's "decimal"). */
  private static List<String> alignDecimals(List<String> texts) {
    int[] after = new int[texts.size()];
    int max = -1;
    for (int i = 0; i < after.length; i++) {
      after[i] = afterPoint(texts.get(i));
      max = Math.max(max, after[i]);
    }
    List<String> out = new ArrayList<>(texts.size());
    for (int i = 0; i < after.length; i++) {
      out.add(texts.get(i) + " ".repeat(max - after[i]));
    }
    return out;
  }

  /** tabulate's {@code _afterpoint}: characters after the last point (or exponent mark); -1 for integers. */
  private static int afterPoint(String s) {
    if (!PythonStrings.isNumber(s) || PythonStrings.isInt(s)) {
      return -1;
    }
    int pos = s.lastIndexOf('.');
    if (pos < 0) {
      pos = s.toLowerCase(java.util.Locale.ROOT).lastIndexOf('e');
    }
    return pos < 0 ? -1 : s.length() - pos - 1;
  }
}
