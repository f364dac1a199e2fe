package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code @RegisterExtension} with the builder instead of the annotation. */
class ProgrammaticRegistrationTest {

  @RegisterExtension
  static LivedigitalMockExtension mock = LivedigitalMockExtension.builder()
      .plan("basic")
      .webhookRetryInterval(Duration.ofMillis(250))
      .build();

  @Test
  void theBuilderSettingsApplyAndTheHandleIsReachableBothWays(Livedigital injected) {
    assertSame(injected, mock.livedigital());
    assertEquals("basic", injected.plan());
    assertEquals(Mode.IN_PROCESS, injected.mode());
  }

  @Test
  void theBuilderStartsFromTheAnnotationDefaults() {
    assertEquals("livedigital-mock:" + io.livedigitalmock.server.Version.current(), Settings.DEFAULTS.image());
    assertThrows(IllegalStateException.class, () -> LivedigitalMockExtension.builder().build().livedigital());
  }

  @Test
  void annotationAndRegistrationTogetherIsAConfigurationError() {
    var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Both.class))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false").execute();
    var failure = results.containerEvents().failed().stream().findFirst().orElseThrow()
        .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    assertTrue(failure.getMessage().contains("use one of them"), failure.getMessage());
  }

  @LivedigitalMock
  static class Both {
    @RegisterExtension
    static LivedigitalMockExtension mock = LivedigitalMockExtension.builder().build();

    @Test
    void test() {
    }
  }
}
