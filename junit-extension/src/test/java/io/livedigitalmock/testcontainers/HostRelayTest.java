package io.livedigitalmock.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay a container's webhooks to localhost go through, here on 127.0.0.1 with the mock in this
 * JVM told to use it ({@code --host-relay}): what it forwards, and what it refuses.
 */
class HostRelayTest {

  private HostRelay relay;
  private HttpServer app;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    relay = HostRelay.start("127.0.0.1");
    app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext("/hooks", exchange -> {
      try (exchange) {
        received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
            + exchange.getRequestHeaders().getFirst("Host") + " " + new String(exchange.getRequestBody().readAllBytes()));
        exchange.sendResponseHeaders(204, -1);
      }
    });
    app.start();
  }

  @AfterEach
  void stop() {
    app.stop(0);
    relay.close();
  }

  @Test
  void theMockSendsWebhooksToLocalhostThroughTheRelayAndTheLogSaysSo() throws Exception {
    try (MockServer mock = MockServer.start(MockConfig.parse(new String[] {"--port", "0",
        "--host-relay", relay.url("127.0.0.1"), "--webhook-retry-interval", "0.1"}, Map.of()))) {
      String token = RestAssured.given().contentType("application/json").body(Map.of("client_id", "demo-client",
              "client_secret", "demo-secret", "grant_type", "password", "username", "demo@example.com",
              "password", "demo-password"))
          .post(mock.baseUrl() + "/v1/auth/token").then().statusCode(200).extract().path("access_token");
      RequestSpecification api = RestAssured.given().baseUri(mock.baseUrl() + "/v1").auth().oauth2(token)
          .contentType("application/json");
      String spaceId = api.body(Map.of("name", "s")).post("/spaces").then().statusCode(201).extract().path("id");
      String roomId = api.body(Map.of("name", "r")).post("/spaces/" + spaceId + "/rooms").then().extract().path("id");
      String hook = "http://localhost:" + app.getAddress().getPort() + "/hooks?school=7";
      api.body(Map.of("url", hook)).post("/spaces/" + spaceId + "/webhook").then().statusCode(201)
          .body("url", org.hamcrest.Matchers.equalTo(hook));   // stored and answered as registered
      RestAssured.given().contentType("application/json").body(Map.of("name", "Bob"))
          .header("Authorization", "Bearer " + mock.config().controlPlane().token())
          .post(mock.baseUrl() + "/_mock/rooms/" + roomId + "/participants").then().statusCode(201);

      String arrived = received.poll(10, TimeUnit.SECONDS);
      assertNotNull(arrived, "the webhook never arrived");
      assertTrue(arrived.startsWith("POST /hooks?school=7 localhost:" + app.getAddress().getPort()
          + " {\"signature\":"), arrived);
      // the delivery log: the URL as registered, and where it really went
      var attempt = RestAssured.given().header("Authorization", "Bearer " + mock.config().controlPlane().token())
          .get(mock.baseUrl() + "/_mock/webhooks/deliveries/next?after=0&timeoutMs=10000").then().statusCode(200)
          .extract().jsonPath();
      assertEquals(hook, attempt.getString("url"));
      assertEquals(204, attempt.getInt("status"));
      assertEquals(hook + " via host relay 127.0.0.1:" + relay.port(), attempt.getString("sentTo"));
    }
  }

  @Test
  void withoutItsTokenTheRelayAnswers407() throws Exception {
    HttpClient proxied = HttpClient.newBuilder().proxy(java.net.ProxySelector.of(
        new InetSocketAddress("127.0.0.1", relay.port()))).build();
    HttpResponse<String> answer = proxied.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + app.getAddress().getPort() + "/hooks")).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(407, answer.statusCode());
    assertTrue(received.isEmpty());
  }

  @Test
  void itForwardsToTheLoopbackOnly() {
    assertTrue(HostRelay.isLoopback("localhost"));
    assertTrue(HostRelay.isLoopback("127.0.0.1"));
    assertTrue(HostRelay.isLoopback("127.1.2.3"));
    assertTrue(HostRelay.isLoopback("[::1]"));
    for (String host : new String[] {"example.com", "10.0.0.1", "172.17.0.1", "0.0.0.0", "localhost.example.com",
        "127.0.0.1.nip.io"}) {
      assertTrue(!HostRelay.isLoopback(host), host);
    }
  }
}
