package com.example.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.junit.Journal;
import io.livedigitalmock.junit.Livedigital;
import io.livedigitalmock.junit.LivedigitalMock;
import io.livedigitalmock.junit.RecordedRequest;
import io.livedigitalmock.junit.RequestFilter;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@LivedigitalMock(scenario = "scenarios/school-outage.yaml")   // loaded before every test
class ClassroomAppOutageTest {

  @Test
  void aFailedRoomCreationIsReportedAndTheLessonIsScheduledOnRetry(Livedigital mock) throws Exception {
    mock.faults().on("createRoom").nth(1).respond(503);                 // rules of the test's own
    mock.faults().onWebhooks().forEvent("call_started").duplicate();    // an event sent twice

    try (ClassroomApp app = new ClassroomApp(mock.apiBaseUrl(), mock.clientId(), mock.clientSecret(),
        mock.userEmail(), mock.userPassword())) {
      IOException outage = assertThrows(IOException.class, () -> app.scheduleLesson("Algebra 9A"));
      assertTrue(outage.getMessage().contains("HTTP 503"), outage.getMessage());
      ClassroomApp.Lesson lesson = app.scheduleLesson("Algebra 9A");   // the second try works

      mock.simulate().leave(mock.simulate().openLink(app.inviteStudent(lesson, "Alice")));
      assertTrue(app.awaitEvent("call_started", Duration.ofSeconds(10)).signatureVerified());
      assertTrue(app.awaitEvent("call_started", Duration.ofSeconds(10)).signatureVerified(), "the duplicate");
    }

    mock.journal().verify("createRoom", 2);                                          // called twice in all
    mock.journal().verify("createRoom", Journal.bodyMatching("\"type\":\"lesson\""));
    RecordedRequest first = mock.journal().requests(RequestFilter.operation("createRoom")).get(0);
    assertEquals(503, first.status());
  }
}
