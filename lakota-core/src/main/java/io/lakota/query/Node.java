package io.lakota.query;

import java.util.List;

/** A node of a parsed s-expression: an atom or a list (EXPRESSIONS.md §2). Immutable. */
sealed interface Node permits Node.Atom, Node.ListNode {

  /** The offset of the node's first token in the expression text. */
  int position();

  /** An atom: any token other than a parenthesis. */
  record Atom(String text, int position) implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  /** A parenthesized list; {@code position} is that of its opening parenthesis. */
  record ListNode(List<Node> items, int position) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < items.size(); i++) {
        sb.append(i > 0 ? " " : "").append(items.get(i));
      }
      return sb.append(')').toString();
    }
  }
}
