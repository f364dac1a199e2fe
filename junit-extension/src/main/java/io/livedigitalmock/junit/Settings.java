package io.livedigitalmock.junit;

import java.time.Duration;
import java.util.Set;

/**
 * The resolved configuration of one test class: from {@link LivedigitalMock} or from the
 * {@link LivedigitalMockExtension.Builder}. {@link #DEFAULTS} are read from the annotation's own
 * default values, so each default is stated once.
 */
record Settings(Mode mode, int port, String plan, boolean tenantPerMethod, String seedData,
                Duration webhookRetryInterval, String image, String scenario, boolean failOnUnmatchedRequests) {

  static final Set<String> PLANS = Set.of("free", "basic", "pro");

  static final Settings DEFAULTS = of(Defaults.class.getAnnotation(LivedigitalMock.class));

  /** Carries the annotation with nothing set: its attributes are the defaults. */
  @LivedigitalMock
  private static final class Defaults {
  }

  Settings {
    if (mode == null) {
      throw new IllegalArgumentException("mode must not be null");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 (a free one) and 65535, not " + port);
    }
    if (!PLANS.contains(plan)) {
      throw new IllegalArgumentException("plan must be one of free, basic, pro, not '" + plan + "'");
    }
    if (webhookRetryInterval == null || webhookRetryInterval.isNegative()
        || webhookRetryInterval.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("webhookRetryInterval must be between 0 and 3600 s, not "
          + webhookRetryInterval);
    }
    image = image == null || image.isBlank() ? defaultImage() : image.trim();
    seedData = seedData == null ? "" : seedData;
    scenario = scenario == null ? "" : scenario;
  }

  /** Set, it names the image for every class that names none (a mirror, a build of your own). */
  static final String IMAGE_PROPERTY = "livedigital.mock.image";

  /** {@code -Dlivedigital.mock.image=...}, else the image of this library's version. */
  static String defaultImage() {
    String image = System.getProperty(IMAGE_PROPERTY, "").trim();
    return image.isEmpty() ? io.livedigitalmock.server.Version.image() : image;
  }

  static Settings of(LivedigitalMock a) {
    double seconds = a.webhookRetryIntervalSeconds();
    if (!(seconds >= 0 && seconds <= 3600)) {
      throw new IllegalArgumentException("webhookRetryIntervalSeconds must be between 0 and 3600, not " + seconds);
    }
    return new Settings(a.mode(), a.port(), a.plan(), a.tenantPerMethod(), a.seedData(),
        Duration.ofMillis(Math.round(seconds * 1000)), a.image(), a.scenario(), a.failOnUnmatchedRequests());
  }
}
