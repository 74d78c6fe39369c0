package io.lakota.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.Dtype;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tabulate's "simple" rules (CLI.md §2.3). */
class PrettyTableTest {

  private static String render(Table.Column... columns) {
    return PrettyTable.render(Table.of(List.of(columns)));
  }

  @Test
  void decimalAlignsNumbers() {
    assertThat(render(new Table.Column("v", Dtype.FLOAT64, new double[] {25, 24.2, 1e-5, 1589455903})))
        .isEqualTo("           v\n"
            + "------------\n"
            + "25\n"
            + "24.2\n"
            + " 1e-05\n"
            + " 1.58946e+09\n");
  }

  @Test
  void typesStringCellsLikeTabulate() {
    // ints keep their text; a float among them makes the column numeric; True/False are bools; the rest is text
    assertThat(render(
        new Table.Column("ints", Dtype.STR, new String[] {"1", " 22", "1_000"}),
        new Table.Column("mixed", Dtype.STR, new String[] {"1", "2.50", "inf"}),
        new Table.Column("bools", Dtype.STR, new String[] {"True", "False", " x "}),
        new Table.Column("over", Dtype.STR, new String[] {"1e999", "nan", "-Infinity"})))
        .isEqualTo("  ints    mixed  bools    over\n"
            + "------  -------  -------  ---------\n"
            + "     1      1    True     1e999\n"
            + "    22      2.5  False    nan\n"
            + " 1_000    inf    x        -Infinity\n");
  }

  @Test
  void typesObjectCellsAndLeavesNullsEmpty() {
    assertThat(render(new Table.Column("o", Dtype.OBJECT, new Object[] {7L, null, 12345678L}),
        new Table.Column("last", Dtype.OBJECT, new Object[] {LocalDateTime.of(2020, 1, 2, 3, 4), 1.5, null})))
        .isEqualTo("       o  last\n"
            + "--------  -------------------\n"
            + "       7  2020-01-02 03:04:00\n"
            + "          1.5\n"
            + "12345678\n");
  }

  @Test
  void countsWidthsInCodePoints() {
    assertThat(render(new Table.Column("😀", Dtype.STR, new String[] {"é😀"})))
        .isEqualTo("😀\n---\né😀\n");
  }

  @Test
  void anEmptyTableHasTextColumns() {
    assertThat(render(new Table.Column("timestamp", Dtype.TIMESTAMP, new long[0]),
        new Table.Column("value", Dtype.FLOAT64, new double[0])))
        .isEqualTo("timestamp    value\n-----------  -------\n");
  }
}
