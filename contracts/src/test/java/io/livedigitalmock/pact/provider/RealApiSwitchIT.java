package io.livedigitalmock.pact.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livedigitalmock.pact.LivedigitalStates;
import io.livedigitalmock.pact.RealApi;
import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.domain.TenantSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Proves the switch to the real API here, in the build: {@link RealApiVerificationIT} runs against a
 * second mock standing in for the live host, given only its URL and the credentials of its demo tenant
 * (as a scheduled job is given secrets). What needs the control plane is left out and listed, and the
 * rest verifies through the public API alone.
 */
class RealApiSwitchIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theVerificationRunsAgainstTheConfiguredHostAndListsWhatItLeftOut(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("left-out.txt");
    EngineExecutionResults results;
    try (MockServer host = MockServer.start(MockConfig.defaults().withPort(0))) {
      TenantSpec demo = host.config().demo();
      results = EngineTestKit.engine("junit-jupiter")
          .selectors(selectClass(RealApiVerificationIT.class))
          .configurationParameter(RealApi.BASE_URL, host.baseUrl())
          .configurationParameter(RealApi.CLIENT_ID, demo.clientId())
          .configurationParameter(RealApi.CLIENT_SECRET, demo.clientSecret())
          .configurationParameter(RealApi.USER_EMAIL, demo.userEmail())
          .configurationParameter(RealApi.USER_PASSWORD, demo.userPassword())
          .configurationParameter(RealApiTarget.REPORT_SETTING, report.toString())
          .execute();
    }
    List<String> controlPlane = new ArrayList<>();
    List<String> publicApi = new ArrayList<>();
    for (JsonNode i : apiInteractions()) {
      boolean needsMock = false;
      for (JsonNode s : i.path("providerStates")) {
        needsMock |= LivedigitalStates.controlPlaneStates().contains(s.path("name").asText());
      }
      (needsMock ? controlPlane : publicApi).add(i.path("description").asText());
    }
    assertTrue(controlPlane.size() >= 8 && publicApi.size() >= 30, controlPlane + " / " + publicApi);

    var tests = results.testEvents();
    assertEquals(controlPlane.size(), tests.aborted().count(), "left out: " + controlPlane);
    assertEquals(0, tests.failed().count(), () -> "failed: " + tests.failed().list().stream()
        .map(e -> e.getTestDescriptor().getDisplayName()).toList());
    assertEquals(publicApi.size(), tests.succeeded().count());
    String listed = Files.readString(report);
    for (String description : controlPlane) {
      assertTrue(listed.contains("| " + description + " |"), description + " missing from the report:\n" + listed);
    }
  }

  @Test
  void withoutAHostItIsSkippedSayingWhatToSet() throws IOException {
    Assumptions.assumeTrue(System.getenv(RealApi.BASE_URL) == null, "a host is configured in this environment");
    var tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(RealApiVerificationIT.class))
        .execute().testEvents();
    assertEquals(apiInteractions().size(), tests.aborted().count(), "every interaction skipped");
    assertEquals(0, tests.succeeded().count() + tests.failed().count());
    String reason = tests.aborted().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("");
    assertTrue(reason.contains(RealApi.BASE_URL + " is not set") && reason.contains(RealApi.USER_PASSWORD), reason);
  }

  private static List<JsonNode> apiInteractions() throws IOException {
    List<JsonNode> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("pacts"))) {
      for (Path p : files.filter(f -> f.toString().endsWith("-livedigital-api.json")).toList()) {
        JSON.readTree(p.toFile()).path("interactions").forEach(all::add);
      }
    }
    return all;
  }
}
