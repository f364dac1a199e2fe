package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.livedigitalmock.testcontainers.LivedigitalMockContainer;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mock in a container delivers a webhook registered as {@code http://localhost:<port>/...} to an
 * endpoint bound to 127.0.0.1 on this machine, as an app under test listens; and with the option off,
 * to the container's own loopback, where nothing listens.
 */
@ExtendWith(DockerRequired.class)
class ContainerWebhooksToHostIT {

  private HttpServer app;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  @BeforeEach
  void startTheAppsEndpointOnLoopback() throws Exception {
    app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext("/livedigital/hooks", exchange -> {
      try (exchange) {
        received.add(new String(exchange.getRequestBody().readAllBytes()));
        exchange.sendResponseHeaders(200, -1);
      }
    });
    app.start();
  }

  @AfterEach
  void stop() {
    app.stop(0);
  }

  @Test
  void aWebhookToLocalhostArrivesAtTheHostsLoopback() throws Exception {
    try (LivedigitalMockContainer mock = new LivedigitalMockContainer(DockerRequired.IMAGE)
        .withHostPortBinding("127.0.0.1", 0)) {
      mock.start();
      String hook = "http://localhost:" + app.getAddress().getPort() + "/livedigital/hooks";
      String roomId = roomWithWebhook(mock, hook);
      RestAssured.given().contentType("application/json").body(Map.of("name", "Bob"))
          .post(mock.getBaseUrl() + "/_mock/rooms/" + roomId + "/participants").then().statusCode(201);

      String body = received.poll(15, TimeUnit.SECONDS);
      assertNotNull(body, "call_started never reached the endpoint on 127.0.0.1: " + deliveries(mock).prettify());
      assertTrue(body.contains("\"eventName\":\"call_started\""), body);
      JsonPath attempt = deliveries(mock);
      assertEquals(hook, attempt.getString("url"), "the log keeps the URL as registered");
      assertEquals(200, attempt.getInt("status"));
      assertTrue(attempt.getString("sentTo").startsWith(hook + " via host relay host.docker.internal:")
          || attempt.getString("sentTo").startsWith("http://host.docker.internal:"), attempt.getString("sentTo"));
    }
  }

  @Test
  void withTheOptionOffLocalhostIsTheContainersOwn() {
    try (LivedigitalMockContainer mock = new LivedigitalMockContainer(DockerRequired.IMAGE)
        .withWebhooksToHostLoopback(false)
        .withWebhookRetryInterval(java.time.Duration.ofMillis(100))
        .withHostPortBinding("127.0.0.1", 0)) {
      mock.start();
      String roomId = roomWithWebhook(mock, "http://localhost:" + app.getAddress().getPort() + "/livedigital/hooks");
      RestAssured.given().contentType("application/json").body(Map.of("name", "Bob"))
          .post(mock.getBaseUrl() + "/_mock/rooms/" + roomId + "/participants").then().statusCode(201);
      JsonPath attempt = deliveries(mock);
      assertNull(attempt.get("status"), "nothing listens on the container's loopback");
      assertNull(attempt.get("sentTo"));
      assertTrue(received.isEmpty());
    }
  }

  private static String roomWithWebhook(LivedigitalMockContainer mock, String hook) {
    RequestSpecification api = ContainerDemoUser.api(mock);
    String spaceId = api.body(Map.of("name", "school")).post("/spaces").then().statusCode(201).extract().path("id");
    String roomId = api.body(Map.of("name", "lesson")).post("/spaces/" + spaceId + "/rooms").then().statusCode(201)
        .extract().path("id");
    api.body(Map.of("url", hook)).post("/spaces/" + spaceId + "/webhook").then().statusCode(201)
        .body("url", org.hamcrest.Matchers.equalTo(hook));
    return roomId;
  }

  /** The first delivery attempt, as soon as it is logged. */
  private static JsonPath deliveries(LivedigitalMockContainer mock) {
    return RestAssured.get(mock.getBaseUrl() + "/_mock/webhooks/deliveries/next?after=0&timeoutMs=15000")
        .then().statusCode(200).extract().jsonPath();
  }
}
