package io.lakota.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParserTest {

  @Test
  void keepsTheFirstTopLevelElement() {
    assertThat(Parser.parse("1 2").toString()).isEqualTo("1");
    assertThat(Parser.parse("(+ 1 2) (+ 3 4)").toString()).isEqualTo("(+ 1 2)");
    assertThat(Expressions.evaluate("(+ 1 2) (+ 3 4)")).isEqualTo(3L);
  }

  @Test
  void closesOpenListsAtTheEnd() {
    assertThat(Parser.parse("(= (% self.x 2) 0").toString()).isEqualTo("(= (% self.x 2) 0)");
  }

  @Test
  void aClosingParenthesisAtTopLevelEndsParsing() {
    assertThat(Parser.parse("(a (b)) ) (c)").toString()).isEqualTo("(a (b))");
  }

  @Test
  void refusesEmptyExpressions() {
    assertThatThrownBy(() -> Parser.parse("  "))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Cannot evaluate an empty expression at position 0 of \"  \"");
    assertThatThrownBy(() -> Parser.parse(")"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Cannot evaluate an empty expression at position 0 of \")\"");
    assertThatThrownBy(() -> Expressions.evaluate("()"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Cannot evaluate an empty list at position 0 of \"()\"");
  }
}
