package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.internal.PythonText;

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
    String s = PythonText.strip(label);
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
      if (!PythonText.isSpace(label.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
