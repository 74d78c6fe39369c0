package io.lakota;

import io.lakota.errors.ValidationException;

/**
 * Validation of collection and series labels: surrounding whitespace (Python's {@code str.isspace}) is stripped and
 * an empty result is refused with {@code Invalid label: '<label>'} (the label as Python's {@code repr} shows it).
 */
final class Labels {
  private Labels() {}

  static String clean(String label) {
    if (label == null) {
      throw new ValidationException("Invalid label: None");
    }
    int a = 0;
    int b = label.length();
    while (a < b && isPythonSpace(label.charAt(a))) {
      a++;
    }
    while (b > a && isPythonSpace(label.charAt(b - 1))) {
      b--;
    }
    String s = label.substring(a, b);
    if (s.isEmpty()) {
      throw new ValidationException("Invalid label: " + Texts.repr(label));
    }
    return s;
  }

  /** True for a null label or one made of whitespace only. */
  static boolean isBlank(String label) {
    if (label == null) {
      return true;
    }
    for (int i = 0; i < label.length(); i++) {
      if (!isPythonSpace(label.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isPythonSpace(char c) {
    switch (c) {
      case '\t':
      case '\n':
      case 0x0b:
      case 0x0c:
      case '\r':
      case 0x1c:
      case 0x1d:
      case 0x1e:
      case 0x1f:
      case ' ':
      case 0x85:
      case 0xa0:
      case 0x1680:
      case 0x2028:
      case 0x2029:
      case 0x202f:
      case 0x205f:
      case 0x3000:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200a;
    }
  }
}
