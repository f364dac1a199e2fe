package io.livedigitalmock.junit6;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.livedigitalmock.junit.Livedigital;
import io.livedigitalmock.junit.LivedigitalMock;
import io.livedigitalmock.junit.Mode;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The premise of this module: JUnit 6 runs the tests, and Testcontainers is not on the classpath. */
@LivedigitalMock
class RunsOnJUnit6Test {

  @Test
  void jupiterAndThePlatformAreVersion6(Livedigital mock) {
    String jupiter = Test.class.getPackage().getImplementationVersion();
    String platform = EngineTestKit.class.getPackage().getImplementationVersion();
    assertTrue(jupiter.startsWith("6."), "junit-jupiter-api " + jupiter);
    assertTrue(platform.startsWith("6."), "junit-platform " + platform);
    assertTrue(mock.baseUrl().startsWith("http://127.0.0.1:"));
  }

  @Test
  void inProcessUsersNeedNoTestcontainers() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.testcontainers.DockerClientFactory"));
  }

  @Test
  void containerModeWithoutTestcontainersSaysWhatToAdd() {
    var failures = EngineTestKit.engine("junit-jupiter").selectors(selectClass(InAContainer.class))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false").execute()
        .allEvents().failed().stream()
        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
            .getThrowable().orElseThrow())
        .toList();
    assertTrue(failures.stream().anyMatch(t -> String.valueOf(t.getMessage())
        .contains("org.testcontainers:testcontainers")), failures.toString());
  }

  @LivedigitalMock(mode = Mode.CONTAINER)
  static class InAContainer {
    @Test
    void test(Livedigital mock) {
    }
  }
}
