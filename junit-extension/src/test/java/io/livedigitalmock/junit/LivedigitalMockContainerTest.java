package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livedigitalmock.testcontainers.LivedigitalMockContainer;
import org.junit.jupiter.api.Test;

/** What needs no Docker: the image name rules and the defaults. */
class LivedigitalMockContainerTest {

  @Test
  void theDefaultImageIsTheOneTheAnnotationNames() {
    assertEquals(Settings.DEFAULTS.image(),
        LivedigitalMockContainer.DEFAULT_IMAGE_NAME.withTag(LivedigitalMockContainer.DEFAULT_TAG).asCanonicalNameString()
            .replace("docker.io/library/", "").replace("library/", ""));
    assertEquals(8080, LivedigitalMockContainer.PORT);
  }

  @Test
  void anotherImageIsRejectedUnlessDeclaredCompatible() {
    assertThrows(IllegalStateException.class, () -> new LivedigitalMockContainer("redis:7.4.1"));
  }
}
