package io.lakota.format;

import io.lakota.errors.UnsupportedFormatException;
import java.util.Objects;

/**
 * A column's element type, named by its canonical numpy dtype string as stored in the registry
 * (FORMAT.md §6.6, SEMANTICS.md §3.2), with the Java array type that holds its values in a frame.
 *
 * <p>Immutable. Storage: {@code datetime64[*]}, {@code int64}, {@code uint64} → {@code long[]}; {@code int32},
 * {@code uint32} → {@code int[]}; {@code int16}, {@code uint16} → {@code short[]}; {@code int8}, {@code uint8} →
 * {@code byte[]}; {@code float64} → {@code double[]}; {@code float32} → {@code float[]}; {@code bool} →
 * {@code boolean[]}; {@code <UN} and {@code <U0} → {@code String[]}; {@code object} → {@code Object[]}.
 * Unsigned values are kept in their two's complement bit pattern and compared unsigned.
 */
public final class Dtype {
  /** The family of a dtype. */
  public enum Kind {
    DATETIME,
    INT,
    UINT,
    FLOAT,
    BOOL,
    FIXED_STRING,
    STRING,
    OBJECT
  }

  /** The Java array class used for a column of this dtype. */
  public enum Storage {
    LONG,
    INT,
    SHORT,
    BYTE,
    DOUBLE,
    FLOAT,
    BOOLEAN,
    STRING,
    OBJECT
  }

  public static final Dtype TIMESTAMP = new Dtype("datetime64[s]", Kind.DATETIME, 8, "s", 0);
  public static final Dtype DATE = new Dtype("datetime64[D]", Kind.DATETIME, 8, "D", 0);
  public static final Dtype FLOAT64 = new Dtype("float64", Kind.FLOAT, 8, null, 0);
  public static final Dtype FLOAT32 = new Dtype("float32", Kind.FLOAT, 4, null, 0);
  public static final Dtype INT64 = new Dtype("int64", Kind.INT, 8, null, 0);
  public static final Dtype INT32 = new Dtype("int32", Kind.INT, 4, null, 0);
  public static final Dtype INT16 = new Dtype("int16", Kind.INT, 2, null, 0);
  public static final Dtype INT8 = new Dtype("int8", Kind.INT, 1, null, 0);
  public static final Dtype UINT64 = new Dtype("uint64", Kind.UINT, 8, null, 0);
  public static final Dtype UINT32 = new Dtype("uint32", Kind.UINT, 4, null, 0);
  public static final Dtype UINT16 = new Dtype("uint16", Kind.UINT, 2, null, 0);
  public static final Dtype UINT8 = new Dtype("uint8", Kind.UINT, 1, null, 0);
  public static final Dtype BOOL = new Dtype("bool", Kind.BOOL, 1, null, 0);
  /** Variable-length strings ({@code str}); only encodable with msgpack2 or vlen-utf8. */
  public static final Dtype STR = new Dtype("<U0", Kind.STRING, 0, null, 0);
  /** Arbitrary msgpack values ({@code O}). */
  public static final Dtype OBJECT = new Dtype("object", Kind.OBJECT, 0, null, 0);

  private static final String[] DATETIME_UNITS = {"Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns"};

  private final String name;
  private final Kind kind;
  private final int itemSize;
  private final String unit;
  private final int width;

  private Dtype(String name, Kind kind, int itemSize, String unit, int width) {
    this.name = name;
    this.kind = kind;
    this.itemSize = itemSize;
    this.unit = unit;
    this.width = width;
  }

  /** A datetime dtype of the given numpy unit ({@code s}, {@code D}, {@code ms}, {@code us}, {@code ns}, …). */
  public static Dtype datetime(String unit) {
    switch (unit) {
      case "s":
        return TIMESTAMP;
      case "D":
        return DATE;
      default:
        for (String u : DATETIME_UNITS) {
          if (u.equals(unit)) {
            return new Dtype("datetime64[" + unit + "]", Kind.DATETIME, 8, unit, 0);
          }
        }
        throw new UnsupportedFormatException("dtype", "datetime64[" + unit + "]");
    }
  }

  /** Fixed-width strings of {@code width} code points ({@code <UN}, N ≥ 1). */
  public static Dtype fixedString(int width) {
    if (width < 1 || width > (Integer.MAX_VALUE / 4)) {
      throw new UnsupportedFormatException("dtype", "<U" + width);
    }
    return new Dtype("<U" + width, Kind.FIXED_STRING, 4 * width, null, width);
  }

  /**
   * Parses a dtype spelling: the aliases {@code timestamp}, {@code date}, {@code float}, {@code int}, {@code str},
   * {@code O}, {@code object}, numpy names ({@code datetime64[s]}, {@code float32}, {@code int8}, {@code uint16},
   * {@code bool}) and short codes ({@code M8[s]}, {@code <M8[s]}, {@code f8}, {@code <i4}, {@code U3}, {@code <U3},
   * {@code ?}).
   *
   * @throws UnsupportedFormatException naming the spelling when it is not a supported dtype
   */
  public static Dtype parse(String spelling) {
    Objects.requireNonNull(spelling, "dtype");
    Dtype d = parseOrNull(spelling.trim());
    if (d == null) {
      throw new UnsupportedFormatException("dtype", spelling);
    }
    return d;
  }

  private static Dtype parseOrNull(String s) {
    switch (s) {
      case "timestamp":
        return TIMESTAMP;
      case "date":
        return DATE;
      case "float":
      case "float64":
      case "double":
        return FLOAT64;
      case "float32":
        return FLOAT32;
      case "int":
      case "int64":
        return INT64;
      case "int32":
        return INT32;
      case "int16":
        return INT16;
      case "int8":
        return INT8;
      case "uint64":
        return UINT64;
      case "uint32":
        return UINT32;
      case "uint16":
        return UINT16;
      case "uint8":
        return UINT8;
      case "bool":
      case "?":
      case "b1":
        return BOOL;
      case "str":
      case "<U0":
      case "U0":
      case "U":
      case "<U":
        return STR;
      case "O":
      case "|O":
      case "object":
        return OBJECT;
      default:
        break;
    }
    String body = s;
    if (body.startsWith("<") || body.startsWith("|") || body.startsWith("=")) {
      body = body.substring(1);
    }
    if (body.startsWith("datetime64[") || body.startsWith("M8[")) {
      int open = body.indexOf('[');
      if (!body.endsWith("]")) {
        return null;
      }
      String unit = body.substring(open + 1, body.length() - 1);
      for (String u : DATETIME_UNITS) {
        if (u.equals(unit)) {
          return datetime(unit);
        }
      }
      return null;
    }
    if (body.length() >= 2 && body.charAt(0) == 'U' && isDigits(body, 1)) {
      int w = parseWidth(body.substring(1));
      return w == 0 ? STR : w < 0 ? null : fixedString(w);
    }
    if (body.length() == 2 && Character.isDigit(body.charAt(1))) {
      char c = body.charAt(0);
      int size = body.charAt(1) - '0';
      switch (c) {
        case 'f':
          return size == 8 ? FLOAT64 : size == 4 ? FLOAT32 : null;
        case 'i':
          return size == 8 ? INT64 : size == 4 ? INT32 : size == 2 ? INT16 : size == 1 ? INT8 : null;
        case 'u':
          return size == 8 ? UINT64 : size == 4 ? UINT32 : size == 2 ? UINT16 : size == 1 ? UINT8 : null;
        case 'b':
          return size == 1 ? BOOL : null;
        default:
          return null;
      }
    }
    return null;
  }

  private static boolean isDigits(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int parseWidth(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The canonical numpy name stored in the registry: {@code datetime64[s]}, {@code float64}, {@code <U0}, … */
  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  /** Bytes per element in the raw little-endian layout; 0 for {@code <U0} and {@code object}. */
  public int itemSize() {
    return itemSize;
  }

  /** The numpy unit of a datetime dtype ({@code s}, {@code D}, …), else null. */
  public String unit() {
    return unit;
  }

  /** The width in code points of a fixed-width string dtype, else 0. */
  public int width() {
    return width;
  }

  /** True for dtypes with a raw fixed-size layout (everything but {@code <U0} and {@code object}). */
  public boolean isFixedSize() {
    return itemSize > 0;
  }

  /** True for {@code <U0} and {@code object}, whose digests are taken over the encoded bytes (FORMAT.md §7). */
  public boolean isVariableSize() {
    return itemSize == 0;
  }

  /** The Java array type holding values of this dtype. */
  public Storage storage() {
    switch (kind) {
      case DATETIME:
        return Storage.LONG;
      case INT:
      case UINT:
        return itemSize == 8 ? Storage.LONG : itemSize == 4 ? Storage.INT : itemSize == 2 ? Storage.SHORT : Storage.BYTE;
      case FLOAT:
        return itemSize == 8 ? Storage.DOUBLE : Storage.FLOAT;
      case BOOL:
        return Storage.BOOLEAN;
      case FIXED_STRING:
      case STRING:
        return Storage.STRING;
      default:
        return Storage.OBJECT;
    }
  }

  /**
   * The numpy {@code dtype.str} of this dtype ({@code <i8}, {@code <f8}, {@code |b1}, {@code <M8[s]}, {@code <U3},
   * {@code |O}), as found in msgpack2 payloads.
   */
  public String numpyStr() {
    switch (kind) {
      case DATETIME:
        return "<M8[" + unit + "]";
      case INT:
        return itemSize == 1 ? "|i1" : "<i" + itemSize;
      case UINT:
        return itemSize == 1 ? "|u1" : "<u" + itemSize;
      case FLOAT:
        return "<f" + itemSize;
      case BOOL:
        return "|b1";
      case FIXED_STRING:
      case STRING:
        return "<U" + width;
      default:
        return "|O";
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dtype && ((Dtype) o).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
