package io.lakota.format;

/**
 * Comparison of single boxed values of one dtype (index tuples, bounds, commit start/stop), in the order of
 * SEMANTICS.md §4: numbers numerically (unsigned dtypes unsigned), booleans false &lt; true, strings by Unicode
 * code point (not UTF-16 units).
 */
public final class Values {
  private Values() {}

  /** Compares two values of {@code dtype}. */
  public static int compare(Dtype dtype, Object a, Object b) {
    switch (dtype.storage()) {
      case LONG:
        long x = ((Number) a).longValue();
        long y = ((Number) b).longValue();
        return dtype.kind() == Dtype.Kind.UINT ? Long.compareUnsigned(x, y) : Long.compare(x, y);
      case INT:
      case SHORT:
      case BYTE:
        long p = unsignedAware(dtype, (Number) a);
        long q = unsignedAware(dtype, (Number) b);
        return Long.compare(p, q);
      case DOUBLE:
      case FLOAT:
        return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
      case BOOLEAN:
        return Boolean.compare((Boolean) a, (Boolean) b);
      case STRING:
        return compareCodePoints((String) a, (String) b);
      default:
        return compareObjects(a, b);
    }
  }

  private static long unsignedAware(Dtype dtype, Number n) {
    long v = n.longValue();
    if (dtype.kind() != Dtype.Kind.UINT) {
      return v;
    }
    return v & ((1L << (8 * dtype.itemSize())) - 1);
  }

  /** Compares two strings by Unicode code point sequence, as Python does. */
  public static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        // surrogates (U+D800–DFFF) encode code points above U+FFFF: they sort after every BMP character
        boolean sa = Character.isSurrogate(ca);
        boolean sb = Character.isSurrogate(cb);
        if (sa != sb) {
          return sa ? 1 : -1;
        }
        return ca - cb;
      }
    }
    return a.length() - b.length();
  }

  private static int compareObjects(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    if (a instanceof String && b instanceof String) {
      return compareCodePoints((String) a, (String) b);
    }
    if (a instanceof Boolean && b instanceof Boolean) {
      return Boolean.compare((Boolean) a, (Boolean) b);
    }
    throw new IllegalArgumentException("Cannot compare " + a + " with " + b);
  }

  /** Compares two tuples lexicographically; a tuple that is a prefix of the other is smaller. */
  public static int compareTuples(java.util.List<Dtype> dtypes, Object[] a, Object[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      int c = compare(dtypes.get(i), a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }
}
