package io.livedigitalmock.pact.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** A provider that answers one field wrong fails the Pact verification, on that interaction only. */
class WrongAnswerIT {

  @Test
  void aRenamedFieldFailsTheInteractionThatReadsIt() {
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(WrongAnswerVerification.class))
        .execute().testEvents();
    assertEquals(1, tests.failed().count(), () -> "failed: " + tests.failed().list().stream()
        .map(e -> e.getTestDescriptor().getDisplayName()).toList());
    Event failed = tests.failed().list().get(0);
    assertEquals("lms-integration - a new lesson room in the space", failed.getTestDescriptor().getDisplayName());
    String report = failed.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
        .map(Throwable::getMessage).orElse("");
    assertTrue(report.contains("alias"), "Pact names the missing field:\n" + report);
    assertTrue(tests.succeeded().count() >= 30, "every other interaction still verifies");
  }
}
