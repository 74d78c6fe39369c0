package io.lakota.format;

import io.lakota.errors.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a column definition the way the reference does (Python {@code shlex} in POSIX mode with punctuation
 * characters {@code |} and {@code *}): word characters are letters, digits, {@code _}, {@code ~-./?=[]}; a run of
 * punctuation is one token; quotes group; any other character is a token of its own; {@code #} starts a comment.
 */
final class DefinitionTokenizer {
  private DefinitionTokenizer() {}

  static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder tok = new StringBuilder();
    boolean inWord = false;
    boolean inPunct = false;
    boolean quoted = false;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (inPunct) {
        if (isPunct(c)) {
          tok.append(c);
          i++;
          continue;
        }
        out.add(tok.toString());
        tok.setLength(0);
        inPunct = false;
        continue;
      }
      if (c == '\'' || c == '"') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) {
          throw new ValidationException("No closing quotation in \"" + s + "\"");
        }
        tok.append(s, i + 1, end);
        inWord = true;
        quoted = true;
        i = end + 1;
        continue;
      }
      if (isWord(c)) {
        tok.append(c);
        inWord = true;
        i++;
        continue;
      }
      if (inWord) {
        out.add(tok.toString());
        tok.setLength(0);
        inWord = false;
        quoted = false;
      }
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        return out;
      } else if (isPunct(c)) {
        tok.append(c);
        inPunct = true;
        i++;
      } else {
        out.add(String.valueOf(c));
        i++;
      }
    }
    if (inWord || inPunct || quoted || tok.length() > 0) {
      out.add(tok.toString());
    }
    return out;
  }

  private static boolean isPunct(char c) {
    return c == '|' || c == '*';
  }

  private static boolean isWord(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return true;
    }
    switch (c) {
      case '_':
      case '~':
      case '-':
      case '.':
      case '/':
      case '?':
      case '=':
      case '[':
      case ']':
        return true;
      default:
        // shlex in POSIX mode also treats accented Latin-1 letters as word characters
        return (c >= 'ß' && c <= 'ÿ' && c != '÷') || (c >= 'À' && c <= 'Þ' && c != '×');
    }
  }
}
