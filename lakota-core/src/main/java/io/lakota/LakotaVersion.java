package io.lakota;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this library and of the reference format it implements. */
public final class LakotaVersion {
  /** The Python Lakota release whose repository format this library reads and writes. */
  public static final String FORMAT_COMPATIBILITY = "0.7";

  private LakotaVersion() {}

  /** The library version, from the build ({@code unknown} when run from unpackaged classes). */
  public static String version() {
    try (InputStream in = LakotaVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
