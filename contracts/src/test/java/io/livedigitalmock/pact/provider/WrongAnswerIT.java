package io.livedigitalmock.pact.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * A provider that answers one field wrong fails the Pact verification: exactly the interactions that
 * get that answer (every createRoom of the pact), each naming the field, and no other.
 */
class WrongAnswerIT {

  @Test
  void aRenamedFieldFailsTheInteractionsThatReadIt() throws IOException {
    Set<String> createRoom = new TreeSet<>();
    JsonNode pact = new ObjectMapper().readTree(Path.of("pacts", "lms-integration-livedigital-api.json").toFile());
    for (JsonNode i : pact.path("interactions")) {
      JsonNode request = i.path("request");
      if (request.path("method").asText().equals("POST")
          && request.path("path").asText().matches("^/v1/spaces/[^/]+/rooms$")) {
        createRoom.add("lms-integration - " + i.path("description").asText());
      }
    }
    assertTrue(createRoom.size() >= 1, "the pact creates rooms");

    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(WrongAnswerVerification.class))
        .execute().testEvents();

    assertEquals(createRoom, tests.failed().list().stream().map(e -> e.getTestDescriptor().getDisplayName())
        .collect(Collectors.toCollection(TreeSet::new)));
    for (Event failed : tests.failed().list()) {
      String report = failed.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
          .map(Throwable::getMessage).orElse("");
      assertTrue(report.contains("alias"), "Pact names the missing field:\n" + report);
    }
    assertEquals(pact.path("interactions").size() - createRoom.size(), tests.succeeded().count(),
        "every other interaction still verifies");
  }
}
