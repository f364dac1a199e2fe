package com.example.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.junit.Livedigital;
import io.livedigitalmock.junit.LivedigitalMock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@LivedigitalMock
class ClassroomAppTest {

  @Test
  void theAppHearsThatTheLessonEnded(Livedigital mock) throws Exception {
    try (ClassroomApp app = new ClassroomApp(mock.apiBaseUrl(), mock.clientId(), mock.clientSecret(),
        mock.userEmail(), mock.userPassword())) {
      ClassroomApp.Lesson lesson = app.scheduleLesson("Algebra 9A");
      String link = app.inviteStudent(lesson, "Alice");

      String alice = mock.simulate().openLink(link);   // Alice opens her link: she joins, the call starts
      mock.simulate().leave(alice);                    // the last one leaves: the call ends

      ClassroomApp.WebhookEvent finished = app.awaitEvent("call_finished", Duration.ofSeconds(10));
      assertTrue(finished.signatureVerified(), "signed with the space's webhook secret");
      assertEquals(lesson.roomId(), finished.roomId());
    }
  }
}
