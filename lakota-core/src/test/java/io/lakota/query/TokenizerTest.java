package io.lakota.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private static List<String> texts(String input) {
    return Tokenizer.tokenize(input).stream().map(Token::text).toList();
  }

  @Test
  void splitsTheTableOfTheSpecification() {
    assertThat(texts("(<= self.a-b 1.5e-3 'x y' \"z\" a+b [1] {k:v})"))
        .containsExactly("(", "<=", "self.a-b", "1.5e-3", "'x y'", "\"z\"", "a", "+", "b", "[", "1", "]", "{k:v}",
            ")");
    assertThat(texts("(+ 1e+3)")).containsExactly("(", "+", "1e", "+", "3", ")");
    assertThat(texts("(floor self.timestamp 'M')")).containsExactly("(", "floor", "self.timestamp", "'M'", ")");
    assertThat(texts("self.température")).containsExactly("self.temp", "é", "rature");
  }

  @Test
  void wordsRunThroughQuotesAndQuotedTokensEndAtTheirQuote() {
    assertThat(texts("a'b c' 'x y'z")).containsExactly("a'b", "c'", "'x y'", "z");
    assertThat(texts("!= <= -3 ~ & |")).containsExactly("!=", "<=", "-3", "~", "&", "|");
  }

  @Test
  void recordsPositions() {
    assertThat(Tokenizer.tokenize("(bar  spam)")).containsExactly(
        new Token("(", 0), new Token("bar", 1), new Token("spam", 6), new Token(")", 10));
  }

  @Test
  void commentsRunToTheEndOfTheLineAndAWordContinuesAfterThem() {
    assertThat(texts("(+ 1 # two\n 2)")).containsExactly("(", "+", "1", "2", ")");
    // shlex in non-POSIX mode: the comment inside a word is dropped, the word goes on on the next line
    assertThat(texts("ab#c\ncd e")).containsExactly("abcd", "e");
    assertThat(texts("'#' x")).containsExactly("'#'", "x");
  }

  @Test
  void keepsASurrogatePairAsOneToken() {
    assertThat(texts("a😀b")).containsExactly("a", "😀", "b");
  }

  @Test
  void failsOnAnUnterminatedQuote() {
    assertThatThrownBy(() -> Tokenizer.tokenize("'unterminated"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("No closing quotation at position 0 of \"'unterminated\"");
    assertThatThrownBy(() -> Expressions.evaluate("(list \"a)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageStartingWith("No closing quotation at position 6");
  }
}
