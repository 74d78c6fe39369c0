package io.lakota.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Access to the Lakota 0.7 fixtures. Tests read the copy kept in this module's test resources
 * ({@code src/test/resources/golden/v0.7}), so that a clone builds on its own; {@code SharedFixturesCopyTest}
 * checks that the copy equals {@code ../shared/fixtures/lakota-0.7} when that folder is present.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The root of the fixture copy in the test resources. */
  public static Path root() {
    try {
      return Paths.get(Fixtures.class.getResource("/golden/v0.7/README.md").toURI()).getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fixture file by its path relative to the fixture root, e.g. {@code codec/blosc_f8_1000.bin}. */
  public static Path path(String relative) {
    return root().resolve(relative);
  }

  /** The bytes of a fixture file. */
  public static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared fixtures folder beside the checkout, or null when absent (system property {@code lakota.shared}). */
  public static Path shared() {
    String prop = System.getProperty("lakota.shared");
    Path p = prop == null ? Paths.get("../../shared") : Paths.get(prop);
    Path f = p.resolve("fixtures/lakota-0.7");
    return Files.isDirectory(f) ? f : null;
  }

  /** Copies the golden repository into {@code target} (tests never write to the fixtures) and returns it. */
  public static Path goldenCopy(Path target) {
    Path from = path("golden_repo");
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path t = target.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** {@code v[i] = ((i*7919) % 10007) / 13.0}, the float64 fixture formula. */
  public static double[] values(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = ((i * 7919L) % 10007) / 13.0;
    }
    return v;
  }

  /** {@code ts[i] = 1577836800 + 60*i}, the timestamp fixture formula. */
  public static long[] timestamps(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = 1577836800L + 60L * i;
    }
    return t;
  }
}
