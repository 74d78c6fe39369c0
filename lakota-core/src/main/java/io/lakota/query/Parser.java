package io.lakota.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the tree of an s-expression (EXPRESSIONS.md §2): {@code (} opens a list, {@code )} closes it, anything else
 * is an atom. The expression is the first top-level element; the rest of the input is ignored, a list still open
 * at the end is closed implicitly and a {@code )} at top level ends parsing, as in the reference.
 */
final class Parser {
  private final List<Token> tokens;
  private int next;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * The first top-level element of {@code text}.
   *
   * @throws ExpressionException for an empty expression or an unterminated quote
   */
  static Node parse(String text) {
    Parser p = new Parser(Tokenizer.tokenize(text));
    if (p.tokens.isEmpty() || p.tokens.get(0).text().equals(")")) {
      throw new ExpressionException("Cannot evaluate an empty expression", text, "", 0);
    }
    return p.element();
  }

  private Node element() {
    Token t = tokens.get(next++);
    if (!t.text().equals("(")) {
      return new Node.Atom(t.text(), t.position());
    }
    List<Node> items = new ArrayList<>();
    while (next < tokens.size()) {
      if (tokens.get(next).text().equals(")")) {
        next++;
        break;
      }
      items.add(element());
    }
    return new Node.ListNode(items, t.position());
  }
}
