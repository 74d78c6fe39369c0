package io.lakota.query;

/** One lexical token of an s-expression: its text and the offset of its first character in the input. */
record Token(String text, int position) {}
