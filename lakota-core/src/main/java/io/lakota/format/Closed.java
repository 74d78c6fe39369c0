package io.lakota.format;

import io.lakota.errors.ValidationException;

/**
 * Which bounds of an interval are included (SEMANTICS.md §5). Stored in commits as one letter: {@code n}, {@code r},
 * {@code l}, {@code b}. Writes default to {@link #BOTH}, reads to {@link #LEFT} ({@code [start, stop)}).
 */
public enum Closed {
  /** Neither bound. */
  NONE("n"),
  /** Only the stop bound. */
  RIGHT("r"),
  /** Only the start bound. */
  LEFT("l"),
  /** Both bounds. */
  BOTH("b");

  private final String letter;

  Closed(String letter) {
    this.letter = letter;
  }

  /** The stored one-letter form. */
  public String letter() {
    return letter;
  }

  /** True if the start bound is included. */
  public boolean left() {
    return this == LEFT || this == BOTH;
  }

  /** True if the stop bound is included. */
  public boolean right() {
    return this == RIGHT || this == BOTH;
  }

  /** This flag with the start bound included or not. */
  public Closed setLeft(boolean v) {
    return of(v, right());
  }

  /** This flag with the stop bound included or not. */
  public Closed setRight(boolean v) {
    return of(left(), v);
  }

  /** The flag with the given inclusions. */
  public static Closed of(boolean left, boolean right) {
    return left ? (right ? BOTH : LEFT) : (right ? RIGHT : NONE);
  }

  /**
   * Parses exactly {@code n}, {@code r}, {@code l}, {@code b}, {@code NONE}, {@code RIGHT}, {@code LEFT},
   * {@code BOTH} (case sensitive).
   */
  public static Closed parse(String s) {
    if (s != null) {
      switch (s) {
        case "n":
        case "NONE":
          return NONE;
        case "r":
        case "RIGHT":
          return RIGHT;
        case "l":
        case "LEFT":
          return LEFT;
        case "b":
        case "BOTH":
          return BOTH;
        default:
          break;
      }
    }
    throw new ValidationException("Invalid closed value: \"" + s + "\" (expected n, r, l, b, NONE, RIGHT, LEFT or BOTH)");
  }
}
