package com.example.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tiny integrator, as a school's LMS would be written: it knows only the livedigital API (a base
 * URL and OAuth credentials), schedules lessons (a space, a room, a webhook to itself), invites
 * students by link, and takes webhooks on its own HTTP endpoint, verifying each signature the way the
 * integration guide says. Nothing in it knows about the mock.
 */
public final class ClassroomApp implements AutoCloseable {

  /** A scheduled lesson: where it takes place. */
  public record Lesson(String spaceId, String roomId) {
  }

  /** A webhook the app took in, and whether its signature checked out. */
  public record WebhookEvent(String eventName, String spaceId, String roomId, boolean signatureVerified) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String apiBaseUrl;
  private final String clientId;
  private final String clientSecret;
  private final String email;
  private final String password;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final HttpServer webhookServer;
  private final BlockingQueue<WebhookEvent> received = new LinkedBlockingQueue<>();
  private volatile String webhookSecret;
  private String accessToken;

  /** Starts the app's webhook endpoint on 127.0.0.1 (a free port). */
  public ClassroomApp(String apiBaseUrl, String clientId, String clientSecret, String email, String password)
      throws IOException {
    this.apiBaseUrl = apiBaseUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.email = email;
    this.password = password;
    this.webhookServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhookServer.createContext("/livedigital/webhook", exchange -> {
      try (exchange) {
        received.add(verify(exchange.getRequestBody().readAllBytes()));
        exchange.sendResponseHeaders(200, -1);
      }
    });
    webhookServer.start();
  }

  /** A space and a room for the lesson, and a webhook so the app hears how it goes. */
  public Lesson scheduleLesson(String title) throws IOException, InterruptedException {
    String spaceId = call("POST", "/spaces", Map.of("name", title + " space")).get("id").asText();
    String roomId = call("POST", "/spaces/" + spaceId + "/rooms", Map.of("name", title, "type", "lesson"))
        .get("id").asText();
    webhookSecret = call("POST", "/spaces/" + spaceId + "/webhook", Map.of("url", webhookUrl()))
        .get("secret").asText();
    return new Lesson(spaceId, roomId);
  }

  /** A one-time link for a student who has no livedigital account. */
  public String inviteStudent(Lesson lesson, String studentName) throws IOException, InterruptedException {
    return call("POST", "/spaces/" + lesson.spaceId() + "/rooms/" + lesson.roomId() + "/generate-access",
        Map.of("username", studentName, "role", "user", "externalUserId", "student-" + studentName))
        .get("url").asText();
  }

  /** The next webhook of that kind the app received, waiting up to {@code timeout}. */
  public WebhookEvent awaitEvent(String eventName, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      WebhookEvent event = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new AssertionError("the app received no " + eventName + " within " + timeout);
      }
      if (event.eventName().equals(eventName)) {
        return event;
      }
    }
  }

  public String webhookUrl() {
    return "http://127.0.0.1:" + webhookServer.getAddress().getPort() + "/livedigital/webhook";
  }

  @Override
  public void close() {
    webhookServer.stop(0);
  }

  /** The guide's check: hex HMAC-SHA256, keyed with the webhook secret, of JSON.stringify(body). */
  private WebhookEvent verify(byte[] request) throws IOException {
    JsonNode envelope = JSON.readTree(request);
    JsonNode body = envelope.path("body");
    // JSON.stringify of the parsed body: for the ASCII bodies livedigital sends, Jackson's compact
    // output (keys in the order received) is the same text
    String stringified = JSON.writeValueAsString(body);
    boolean verified;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected = HexFormat.of().formatHex(mac.doFinal(stringified.getBytes(StandardCharsets.UTF_8)));
      verified = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
          envelope.path("signature").asText().getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      verified = false;
    }
    return new WebhookEvent(body.path("eventName").asText(), body.path("spaceId").asText(),
        body.path("roomId").asText(), verified);
  }

  private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(apiBaseUrl + path))
        .header("Authorization", "Bearer " + token())
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
        .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(method + " " + path + ": HTTP " + response.statusCode() + " "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
    return JSON.readTree(response.body());
  }

  /** The password grant; the guide's {@code username} is the user's email. */
  private String token() throws IOException, InterruptedException {
    if (accessToken == null) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(apiBaseUrl + "/auth/token"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of(
              "client_id", clientId, "client_secret", clientSecret, "grant_type", "password",
              "username", email, "password", password))))
          .build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException("login failed: HTTP " + response.statusCode());
      }
      accessToken = JSON.readTree(response.body()).get("access_token").asText();
    }
    return accessToken;
  }
}
