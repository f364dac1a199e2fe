package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The container tests' rule, decided without needing a machine that lacks Docker. */
class DockerRequiredTest {

  @Test
  void withoutDockerContainerTestsFailOnCi() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> DockerRequired.require(false, "true"));
    assertTrue(e.getMessage().contains("CI=true"), e.getMessage());
  }

  @Test
  void withoutDockerContainerTestsAreSkippedElsewhere() {
    assertThrows(TestAbortedException.class, () -> DockerRequired.require(false, null));
    assertThrows(TestAbortedException.class, () -> DockerRequired.require(false, "false"));
  }

  @Test
  void withDockerTheyRun() {
    assertDoesNotThrow(() -> DockerRequired.require(true, "true"));
    assertDoesNotThrow(() -> DockerRequired.require(true, null));
  }
}
