package io.lakota.id;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.version.Revision;
import org.junit.jupiter.api.Test;

/** Hashed paths, hextimes and revision names: SEMANTICS.md §21.1 F-9, §21.3 CH-1 and CH-4, FORMAT.md §12.1. */
class IdTest {
  @Test
  void hashedPaths() {
    assertThat(HashedPath.of("12345678")).isEqualTo("12/34/5678");
    assertThat(HashedPath.of("7aadcc2b0183ce99ae4890f1fe0b9d1fdbe5c20b"))
        .isEqualTo("7a/ad/cc2b0183ce99ae4890f1fe0b9d1fdbe5c20b");
    assertThat(HashedPath.of("0".repeat(40))).isEqualTo("00/00/000000000000000000000000000000000000");
  }

  @Test
  void hextimesAndNames() {
    assertThat(Hextime.of(1795317983977L)).isEqualTo("1a2014a6ae9");
    assertThat(Hextime.of(0)).isEqualTo("00000000000");
    assertThat(Hextime.millis("1a2014a6ae9")).isEqualTo(1795317983977L);
    assertThat(RevisionName.PHI).hasSize(52);
    String name = RevisionName.PHI + "." + RevisionName.part(1795317983977L, "8976db37e80fcd31fdea8fa1233f9057234f4dbf");
    assertThat(name).isEqualTo(
        "00000000000-0000000000000000000000000000000000000000.1a2014a6ae9-8976db37e80fcd31fdea8fa1233f9057234f4dbf");
    assertThat(RevisionName.isName(name)).isTrue();
    assertThat(RevisionName.isName(name + "x")).isFalse();
    assertThat(RevisionName.isName(name.toUpperCase(java.util.Locale.ROOT))).isFalse();
  }

  @Test
  void revisionParts() {
    Revision r = new Revision("a-A", "b-B", false);
    Revision p = Revision.fromPath("a-A.b-B");
    assertThat(r.parentDigest()).isEqualTo("A");
    assertThat(r.childDigest()).isEqualTo("B");
    assertThat(r.path()).isEqualTo("a-A.b-B");
    assertThat(p.path()).isEqualTo("a-A.b-B");
    assertThat(p.parentDigest()).isEqualTo("A");
    assertThat(p.childDigest()).isEqualTo("B");
  }

  @Test
  void sha1() {
    assertThat(Digests.sha1(new byte[0])).isEqualTo(Digests.EMPTY);
    assertThat(Digests.sha1("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
  }
}
