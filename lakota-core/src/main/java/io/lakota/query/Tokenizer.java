package io.lakota.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an s-expression into tokens (EXPRESSIONS.md §1). The rules reproduce Python's {@code shlex} lexer in
 * non-POSIX mode with the word characters {@code . ! = < > : { } -} added, which is what the reference uses, down to
 * its quirks: a word runs on through quotes ({@code a'b}), a quoted token keeps its quotes, and a comment inside a
 * word swallows the rest of the line without ending the word.
 */
final class Tokenizer {
  private Tokenizer() {}

  /**
   * The tokens of {@code text}, in order.
   *
   * @throws ExpressionException {@code No closing quotation} for an unterminated quoted token
   */
  static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        i = endOfLine(text, i);
      } else if (isWordChar(c)) {
        int start = i;
        StringBuilder word = new StringBuilder();
        while (i < n) {
          char d = text.charAt(i);
          if (isWordChar(d) || d == '\'' || d == '"') {
            word.append(d);
            i++;
          } else if (d == '#') {
            // shlex (non-POSIX) drops the comment but stays inside the word, which continues on the next line
            i = endOfLine(text, i);
          } else {
            break;
          }
        }
        out.add(new Token(word.toString(), start));
      } else if (c == '\'' || c == '"') {
        int close = text.indexOf(c, i + 1);
        if (close < 0) {
          throw new ExpressionException("No closing quotation", text, text.substring(i), i);
        }
        out.add(new Token(text.substring(i, close + 1), i));
        i = close + 1;
      } else {
        // any other character (parentheses, operators, non-ASCII letters…) is a token of its own; a surrogate
        // pair is kept whole so that the token is one code point
        int len = Character.charCount(text.codePointAt(i));
        out.add(new Token(text.substring(i, i + len), i));
        i += len;
      }
    }
    return out;
  }

  /** The position after the end of the line that contains {@code from} (after its line feed). */
  private static int endOfLine(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl + 1;
  }

  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.'
        || c == '!'
        || c == '='
        || c == '<'
        || c == '>'
        || c == ':'
        || c == '{'
        || c == '}'
        || c == '-';
  }
}
