package io.lakota.query;

import io.lakota.format.Datetimes;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Set;

/** The frame helper functions {@code floor}, {@code as-tz} and {@code pretty_nb} (EXPRESSIONS.md §7). */
final class FrameFunctions {
  private static final Set<String> FLOOR_UNITS = Set.of("Y", "M", "D", "h", "m", "s");

  private FrameFunctions() {}

  /** {@code (floor arr unit)}: datetimes truncated toward the past to a coarser unit, which the result keeps. */
  static final ExpressionFunction FLOOR = (args, kw) -> {
    Builtins.arity("floor", args, 2);
    Object unitArg = args.get(1);
    if (!(unitArg instanceof String) || !FLOOR_UNITS.contains(unitArg)) {
      throw new ExpressionException("floor unit must be one of Y, M, D, h, m, s");
    }
    String unit = (String) unitArg;
    Object v = args.get(0);
    if (v instanceof DatetimeValue) {
      DatetimeValue d = (DatetimeValue) v;
      return new DatetimeValue(DatetimeUnits.convert(d.value(), d.unit(), unit), unit);
    }
    ArrayValue a = datetimes(v, "floor");
    long[] x = (long[]) a.data();
    String from = a.dtype().unit();
    long[] out = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = DatetimeUnits.convert(x[i], from, unit);
    }
    return ArrayValue.ofDatetimes(unit, out);
  };

  /** {@code (as-tz arr zone)}: naive UTC datetimes as the naive wall-clock time of an IANA zone, in seconds. */
  static final ExpressionFunction AS_TZ = (args, kw) -> {
    Builtins.arity("as-tz", args, 2);
    if (!(args.get(1) instanceof String)) {
      throw new ExpressionException("TypeError: as-tz needs a time zone name");
    }
    ZoneRules rules;
    try {
      rules = ZoneId.of((String) args.get(1)).getRules();
    } catch (DateTimeException e) {
      throw new ExpressionException("Unknown time zone \"" + args.get(1) + "\"");
    }
    ArrayValue a = datetimes(args.get(0), "as-tz");
    long[] x = (long[]) a.data();
    long[] out = new long[x.length];
    // the offset is constant between transitions: look it up again only when a value leaves the current window
    long windowStart = Long.MAX_VALUE;
    long windowEnd = Long.MIN_VALUE;
    long offset = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] == Datetimes.NAT) {
        out[i] = Datetimes.NAT;
        continue;
      }
      long s = DatetimeUnits.convert(x[i], a.dtype().unit(), "s");
      if (s < windowStart || s >= windowEnd) {
        Instant t = Instant.ofEpochSecond(s);
        offset = rules.getOffset(t).getTotalSeconds();
        ZoneOffsetTransition next = rules.nextTransition(t);
        windowStart = s;
        windowEnd = next == null ? Long.MAX_VALUE : next.toEpochSecond();
      }
      out[i] = s + offset;
    }
    return ArrayValue.ofDatetimes("s", out);
  };

  /** {@code (pretty_nb arr)}: numbers as text with SI prefixes. */
  static final ExpressionFunction PRETTY_NB = (args, kw) -> {
    Builtins.arity("pretty_nb", args, 1);
    Object v = args.get(0);
    if (Operands.isNumber(v)) {
      return PrettyNumbers.format(Operands.asDouble(v));
    }
    ArrayValue a = Operands.toArray(v);
    if (!Operands.isNumeric(a.dtype())) {
      throw new ExpressionException("TypeError: pretty_nb needs numbers, not " + a.dtype().name());
    }
    double[] x = Operands.doubles(a);
    String[] out = new String[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = PrettyNumbers.format(x[i]);
    }
    return ArrayValue.ofStrings(out);
  };

  private static ArrayValue datetimes(Object v, String name) {
    ArrayValue a = v instanceof List ? Operands.toArray(v) : v instanceof ArrayValue ? (ArrayValue) v : null;
    if (a == null || !a.isDatetime()) {
      throw new ExpressionException("TypeError: " + name + " needs a datetime array, not " + Operands.typeName(v));
    }
    return a;
  }
}
