package com.example.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.testcontainers.LivedigitalMockContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Without the extension: the image as a plain Testcontainers container, driven over the control plane. */
@Testcontainers(disabledWithoutDocker = true)   // no Docker engine: skipped
class ClassroomAppWithTestcontainersTest {

  @Container
  static LivedigitalMockContainer mock = new LivedigitalMockContainer()   // livedigital-mock:<the library's version>
      .withDemoClient("school-lms", "lms-secret")          // LDMOCK_CLIENT_ID / _SECRET
      .withDemoUser("admin@school.test", "admin-pw")       // LDMOCK_USER_EMAIL / _PASSWORD
      .withSeed(42)                                        // LDMOCK_SEED: same ids every run
      .withWebhookRetryInterval(Duration.ofMillis(200))    // LDMOCK_WEBHOOK_RETRY_INTERVAL
      .withControlToken("s3cret")                          // LDMOCK_CONTROL_TOKEN: /_mock needs Bearer s3cret
      .withHostPortBinding("127.0.0.1", 0);                // published on loopback only

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void theAppHearsThatTheLessonEnded() throws Exception {
    try (ClassroomApp app = new ClassroomApp(mock.getBaseUrl() + "/v1", mock.getDemoClientId(),
        mock.getDemoClientSecret(), mock.getDemoUserEmail(), mock.getDemoUserPassword())) {
      ClassroomApp.Lesson lesson = app.scheduleLesson("Algebra 9A");   // a webhook to http://127.0.0.1:<app's port>

      // Bob joins and leaves: the control plane does what the real service's users would
      String joined = control("/_mock/rooms/" + lesson.roomId() + "/participants", "{\"name\":\"Bob\"}");
      String bob = joined.replaceAll(".*\"id\"\\s*:\\s*\"([0-9a-f]{24})\".*", "$1");
      control("/_mock/participants/" + bob + "/leave", "{}");

      ClassroomApp.WebhookEvent finished = app.awaitEvent("call_finished", Duration.ofSeconds(10));
      assertTrue(finished.signatureVerified(), "signed with the space's webhook secret");
      assertEquals(lesson.roomId(), finished.roomId());
    }
  }

  private String control(String path, String json) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(mock.getBaseUrl() + path))
        .header("Authorization", "Bearer " + mock.getControlToken())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(answer.statusCode() / 100 == 2, path + ": " + answer.body());
    return answer.body();
  }
}
