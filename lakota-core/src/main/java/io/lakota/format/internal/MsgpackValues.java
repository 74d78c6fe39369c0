package io.lakota.format.internal;

import io.lakota.errors.CorruptObjectException;
import io.lakota.errors.ValidationException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Conversion between msgpack values and plain Java values: {@code null}, {@code Boolean}, {@code Long} (uint64
 * above 2^63-1 as {@code BigInteger}), {@code Double} (float32 widened), {@code String}, {@code byte[]} (bin),
 * {@code List} and insertion-ordered {@code Map} with string keys. Packing follows the reference's msgpack rules:
 * smallest integer encodings, floats always float64, strings as str, bytes as bin.
 */
public final class MsgpackValues {
  /** Maximum nesting depth accepted when decoding, so a hostile payload cannot overflow the stack. */
  static final int MAX_DEPTH = 256;

  private MsgpackValues() {}

  /** Packs a Java value. */
  public static void pack(MessagePacker p, Object v) throws IOException {
    if (v == null) {
      p.packNil();
    } else if (v instanceof Boolean) {
      p.packBoolean((Boolean) v);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      p.packLong(((Number) v).longValue());
    } else if (v instanceof BigInteger) {
      p.packBigInteger((BigInteger) v);
    } else if (v instanceof Double || v instanceof Float) {
      p.packDouble(((Number) v).doubleValue());
    } else if (v instanceof String) {
      p.packString((String) v);
    } else if (v instanceof byte[]) {
      byte[] b = (byte[]) v;
      p.packBinaryHeader(b.length);
      p.writePayload(b);
    } else if (v instanceof List) {
      List<?> l = (List<?>) v;
      p.packArrayHeader(l.size());
      for (Object o : l) {
        pack(p, o);
      }
    } else if (v instanceof Object[]) {
      Object[] l = (Object[]) v;
      p.packArrayHeader(l.length);
      for (Object o : l) {
        pack(p, o);
      }
    } else if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      p.packMapHeader(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String)) {
          // the reference's msgpack reader rejects non-string keys
          throw new ValidationException("Cannot encode object value: map key " + e.getKey() + " is not a string");
        }
        p.packString((String) e.getKey());
        pack(p, e.getValue());
      }
    } else {
      throw new ValidationException(
          "Cannot encode object value of type " + v.getClass().getName() + ": not representable in msgpack");
    }
  }

  /**
   * Unpacks the next value of an input of {@code inputLength} bytes. Lengths announced by headers are checked
   * against the bytes that remain before anything is allocated.
   */
  public static Object unpack(MessageUnpacker u, long inputLength, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new CorruptObjectException(null, "msgpack value nested deeper than " + MAX_DEPTH);
    }
    MessageFormat f = u.getNextFormat();
    ValueType t = f.getValueType();
    switch (t) {
      case NIL:
        u.unpackNil();
        return null;
      case BOOLEAN:
        return u.unpackBoolean();
      case INTEGER:
        if (f == MessageFormat.UINT64) {
          BigInteger b = u.unpackBigInteger();
          return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        return u.unpackLong();
      case FLOAT:
        return u.unpackDouble();
      case STRING:
        return u.unpackString();
      case BINARY:
        int blen = u.unpackBinaryHeader();
        checkLength(u, inputLength, blen);
        return u.readPayload(blen);
      case ARRAY:
        int n = u.unpackArrayHeader();
        checkLength(u, inputLength, n);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(unpack(u, inputLength, depth + 1));
        }
        return list;
      case MAP:
        int m = u.unpackMapHeader();
        checkLength(u, inputLength, m);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
          Object k = unpack(u, inputLength, depth + 1);
          if (!(k instanceof String)) {
            throw new CorruptObjectException(null, "msgpack map key " + k + " is not a string");
          }
          map.put((String) k, unpack(u, inputLength, depth + 1));
        }
        return map;
      default:
        throw new CorruptObjectException(null, "unsupported msgpack type " + t);
    }
  }

  private static void checkLength(MessageUnpacker u, long inputLength, int n) {
    // every item takes at least one byte: a header announcing more than remain is corrupt, refuse to allocate
    if (n < 0 || n > inputLength - u.getTotalReadBytes()) {
      throw new CorruptObjectException(null, "msgpack length " + n + " is out of range");
    }
  }
}
