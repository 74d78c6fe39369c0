package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.s3.S3Pod;
import io.lakota.s3.S3TestServer;
import io.lakota.storage.Pod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ConcurrencyContract} on the S3 pod against S3Proxy, which honours {@code If-None-Match: *}: writers commit
 * through compare-and-set refs and never fork (docs/s3.md).
 */
class ConcurrencyS3IT extends ConcurrencyContract {
  @Override
  protected Pod newPod(Path folder) {
    return S3Backend.newPod(getClass());
  }

  @Override
  protected boolean isConditional() {
    return ((S3Pod) pod).supportsCompareAndSet();
  }

  @Test
  @DisplayName("S3Proxy honours conditional creates: the S3 pod commits through refs, hidden from the reference")
  void commitsGoThroughHiddenRefs() {
    assertThat(isConditional()).isTrue();
    Collection c = repo.createCollection(S1, "c");
    c.series("s").write(tv(longs(1, 2), 1, 2));
    c.series("s").write(tv(longs(3), 3));
    Collection reader = fresh().collection("c");
    assertThat(reader.changelog().isConditional()).isTrue();
    assertThat(reader.changelog().log()).hasSize(2);
    assertThat(reader.series("s").frame().doubles("value")).containsExactly(1, 2, 3);
    // nothing but data, registry and revision files is visible; the refs live below .lakota-tmp/refs/
    assertThat(pod.walk()).noneMatch(p -> p.contains("lakota-tmp") || p.endsWith("head"));
    assertThat(pod.ls()).doesNotContain(".lakota-tmp");
    // in the bucket: two refs (registry and collection changelogs), each version six levels below the root, where
    // the reference's gc (two levels below each top-level folder) never looks
    S3Pod s3 = (S3Pod) pod;
    List<String> refs = new ArrayList<>();
    for (S3Object o : S3TestServer.get().admin()
        .listObjectsV2Paginator(b -> b.bucket(s3.bucket()).prefix(s3.prefix() + "/.lakota-tmp/")).contents()) {
      refs.add(o.key().substring(s3.prefix().length() + 1));
    }
    assertThat(refs).hasSize(3)
        .allMatch(k -> k.matches("\\.lakota-tmp/refs/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{36}/\\d{19}"));
  }
}
