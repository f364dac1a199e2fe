package io.livedigitalmock.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build, as the Maven project states it (a resource the build fills in): what
 * {@code --version} prints, the tag the image is built with, and so the image the JUnit extension
 * starts by default.
 */
public final class Version {

  /** The image's repository name; its tag is {@link #current()}. */
  public static final String IMAGE_NAME = "livedigital-mock";

  private static final String RESOURCE = "livedigital-mock-version.properties";
  private static final String CURRENT = read();

  private Version() {
  }

  /** E.g. {@code 0.1.0-SNAPSHOT}. */
  public static String current() {
    return CURRENT;
  }

  /** The image built from this version: {@code livedigital-mock:<version>}. */
  public static String image() {
    return IMAGE_NAME + ":" + CURRENT;
  }

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar: build it with Maven");
      }
      Properties p = new Properties();
      p.load(in);
      String version = p.getProperty("version", "").trim();
      if (version.isEmpty() || version.startsWith("${")) {
        throw new IllegalStateException(RESOURCE + " names no version: build it with Maven (resource filtering)");
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
