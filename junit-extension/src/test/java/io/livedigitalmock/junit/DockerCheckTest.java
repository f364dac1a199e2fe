package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.TestAbortedException;

/** What mode = CONTAINER does for a user without Docker, decided without needing such a machine. */
class DockerCheckTest {

  @Test
  void withoutDockerAUsersContainerTestsAreSkipped() {
    TestAbortedException e = assertThrows(TestAbortedException.class, () -> DockerCheck.decide(false, null, null));
    assertTrue(e.getMessage().contains("skipped") && e.getMessage().contains("livedigital.mock.requireDocker"),
        e.getMessage());
    assertThrows(TestAbortedException.class, () -> DockerCheck.decide(false, "false", "false"));
  }

  @Test
  void onCiOrWhenAskedTheyFailInstead() {
    IllegalStateException ci = assertThrows(IllegalStateException.class, () -> DockerCheck.decide(false, "true", null));
    assertTrue(ci.getMessage().contains("CI=true"), ci.getMessage());
    IllegalStateException asked = assertThrows(IllegalStateException.class,
        () -> DockerCheck.decide(false, null, "true"));
    assertTrue(asked.getMessage().contains("-Dlivedigital.mock.requireDocker=true"), asked.getMessage());
  }

  /** A user's class in container mode on a machine without Docker: skipped whole, or failed on CI. */
  @Test
  void aContainerModeClassIsSkippedBeforeAnythingStarts() {
    Boolean before = DockerCheck.available;
    DockerCheck.available = false;
    try {
      var results = EngineTestKit.engine("junit-jupiter")
          .selectors(DiscoverySelectors.selectClass(ContainerModeWithoutDocker.class)).execute();
      results.testEvents().assertStatistics(stats -> stats.started(0));
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        results.containerEvents().assertStatistics(stats -> stats.failed(1));
      } else {
        // reported as skipped, with the reason, as Testcontainers' disabledWithoutDocker does
        results.containerEvents().assertStatistics(stats -> stats.skipped(1).aborted(0).failed(0));
      }
    } finally {
      DockerCheck.available = before;
    }
  }

  @LivedigitalMock(mode = Mode.CONTAINER, image = "livedigital-mock:never-started")
  static class ContainerModeWithoutDocker {

    @Test
    void wouldUseTheImage(Livedigital mock) {
      throw new AssertionError("never runs without Docker");
    }
  }

  @Test
  void withDockerTheyRun() {
    assertDoesNotThrow(() -> DockerCheck.decide(true, "true", "true"));
    assertDoesNotThrow(() -> DockerCheck.decide(true, null, null));
  }
}
