package io.lakota.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.ValidationException;
import io.lakota.storage.Pod;
import io.lakota.storage.uri.Pods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3LocationTest {

  @Test
  void parsesTheAwsForm() {
    S3Location l = S3Location.parse("s3:///bucket/some/prefix");
    assertThat(l.host()).isNull();
    assertThat(l.endpoint()).isNull();
    assertThat(l.bucket()).isEqualTo("bucket");
    assertThat(l.prefix()).isEqualTo("some/prefix");
    assertThat(l.key()).isNull();
    assertThat(l.profile()).isNull();
    assertThat(l.verify()).isTrue();
    assertThat(l.maxRequests()).isEqualTo(16);
    assertThat(l.retries()).isEqualTo(6);
    assertThat(l.conditionalWrite()).isTrue();
    assertThat(l).hasToString("s3:///bucket/some/prefix");
  }

  @Test
  void parsesTheServerFormWithOptions() {
    S3Location l = S3Location.parse(
        "s3://127.0.0.1:9000/b/p/?key=AK%2BI&secret=s%2Fe%3Dc&token=t&profile=dev&verify=FALSE&region=eu-west-1"
            + "&max_requests=4&retries=0&conditional_write=false");
    assertThat(l.host()).isEqualTo("127.0.0.1:9000");
    assertThat(l.endpoint()).isEqualTo("http://127.0.0.1:9000");
    assertThat(l.bucket()).isEqualTo("b");
    assertThat(l.prefix()).isEqualTo("p");
    assertThat(l.key()).isEqualTo("AK+I");
    assertThat(l.secret()).isEqualTo("s/e=c");
    assertThat(l.token()).isEqualTo("t");
    assertThat(l.profile()).isEqualTo("dev");
    assertThat(l.verify()).isFalse();
    assertThat(l.region()).isEqualTo("eu-west-1");
    assertThat(l.maxRequests()).isEqualTo(4);
    assertThat(l.retries()).isZero();
    assertThat(l.conditionalWrite()).isFalse();
    assertThat(l).hasToString("s3://127.0.0.1:9000/b/p"); // never the credentials
    assertThat(S3Location.parse("s3://minio:9000/b?https=true").endpoint()).isEqualTo("https://minio:9000");
  }

  @Test
  void aBucketAloneIsTheBucketRoot() {
    assertThat(S3Location.parse("s3:///bucket").prefix()).isEmpty();
    assertThat(S3Location.parse("s3:///bucket/").prefix()).isEmpty();
    assertThat(S3Location.parse("s3:////bucket//a/./b").prefix()).isEqualTo("a/b");
    // as the reference: anything but "false" keeps certificate checks on
    assertThat(S3Location.parse("s3:///bucket?verify=no").verify()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "s3:///|Cannot open \"s3:///\": no bucket, expected s3:///bucket/prefix or s3://host:port/bucket/prefix",
        "s3://host:1|Cannot open \"s3://host:1\": no bucket, expected s3:///bucket/prefix or s3://host:port/bucket/prefix",
        "s3:///b/../x|Cannot open \"s3:///b/../x\": Cannot access \"b/../x\": contains a \"..\" component",
        "s3:///b?nope=1|Cannot open \"s3:///b?nope=1\": unknown parameter \"nope\"",
        "s3:///b?key=k|Cannot open \"s3:///b?key=k\": key and secret must be given together",
        "s3:///b?secret=s|Cannot open \"s3:///b?secret=***\": key and secret must be given together",
        "s3:///b?max_requests=0|Cannot open \"s3:///b?max_requests=0\": max_requests must be an integer from 1 to 1024",
        "s3:///b?retries=x|Cannot open \"s3:///b?retries=x\": retries must be an integer from 0 to 20",
        "s3:///b?https=true|Cannot open \"s3:///b?https=true\": https=true needs a host:port",
        "s3:///b?https=yes|Cannot open \"s3:///b?https=yes\": https must be true or false",
        "s3://id:pw@host:1/b|Cannot open \"s3://id:pw@host:1/b\": give credentials as key= and secret= parameters, not in the host",
      })
  void refusesMalformedUris(String uri, String message) {
    assertThatThrownBy(() -> S3Location.parse(uri)).isInstanceOf(ValidationException.class).hasMessage(message);
    assertThatThrownBy(() -> Pods.fromUri(uri)).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  @Test
  void podsOpensS3UrisThroughTheServiceLoaderWithoutARequest() {
    Pod pod = Pods.fromUri("s3://127.0.0.1:1/bucket/repo?key=k&secret=s");
    assertThat(pod).isInstanceOf(S3Pod.class);
    assertThat(pod.kind()).isEqualTo("S3POD");
    assertThat(pod).hasToString("s3://127.0.0.1:1/bucket/repo");
    assertThat(pod.cd("ham/spam")).hasToString("s3://127.0.0.1:1/bucket/repo/ham/spam");
    assertThat(((S3Pod) pod.cd("ham")).prefix()).isEqualTo("repo/ham");
    assertThat(((S3Pod) pod).bucket()).isEqualTo("bucket");
    assertThat(Pods.fromUri("s3:///bucket?region=eu-west-1")).hasToString("s3:///bucket");
  }
}
