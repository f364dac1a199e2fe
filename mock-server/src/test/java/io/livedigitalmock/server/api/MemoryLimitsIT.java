package io.livedigitalmock.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.support.MockJar;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The jar with {@code -Xmx128m} and the default limits: floods of valid requests, each into one
 * store (the delivery log, the receivers' logs, the request journals, a tenant's data, tenants,
 * receivers), one after another until the logs, the journals and the stored data are full at once,
 * never run it out of memory: it forgets its oldest log entries, or refuses with a 4xx naming the
 * option. After every flood it answers, resets and serves the API. {@code -XX:+ExitOnOutOfMemoryError} (as in the image)
 * turns an out-of-memory into a dead process the test sees.
 */
class MemoryLimitsIT {

  private static final Pattern READY = Pattern.compile("livedigital-mock listening on (http://127\\.0\\.0\\.1:\\d+)");
  /**
   * A string that makes each request carry about 200 KB, under the 256 KiB body limit; Cyrillic, so
   * that the heap holds it in two bytes a char, as the limits count it (the worst case for them).
   */
  private static final String BIG = "я".repeat(100_000);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
  private MockJar mock;
  private String base;

  @Test
  void aSmallHeapOutlivesEveryFlood() throws Exception {
    try (MockJar started = start("--webhook-retry-interval", "0.05")) {

      JsonObject tenant = send("POST", "/_mock/tenants", "{}", null);
      String token = send("POST", "/v1/auth/token", new JsonObject().put("grant_type", "password")
          .put("client_id", tenant.getString("clientId")).put("client_secret", tenant.getString("clientSecret"))
          .put("username", tenant.getJsonObject("user").getString("email"))
          .put("password", tenant.getJsonObject("user").getString("password")).encode(), null).getString("access_token");
      String space = send("POST", "/v1/spaces", "{\"name\":\"s\"}", token).getString("id");

      // the delivery log and a receiver's log: 3 failing attempts of a 200 KB event each
      JsonObject failing = send("POST", "/_mock/receivers", "{\"responses\":[500]}", null);
      send("POST", "/v1/spaces/" + space + "/webhook", new JsonObject().put("url", failing.getString("url")).encode(), token);
      String event = new JsonObject().put("body", new JsonObject().put("eventName", "big").put("data", BIG)).encode();
      for (int i = 0; i < 600; i++) {
        send("POST", "/_mock/spaces/" + space + "/webhook/test-event", event, null);
      }
      assertAlive();

      // a receiver posted to directly, and receivers until they are refused
      String sink = send("POST", "/_mock/receivers", "{}", null).getString("id");
      for (int i = 0; i < 300; i++) {
        send("POST", "/_mock/receivers/" + sink, BIG, null);
      }
      for (int i = 0; i < 2_000 && status("POST", "/_mock/receivers", "{}", null) == 201; i++) {
        assertTrue(i < 1_999, "receivers are limited");
      }
      assertAlive();

      // the request journals: 60 tenants, each sent 250 requests whose bodies the journal keeps 8 KB of
      String eightKb = new JsonObject().put("email", "x".repeat(8_200)).encode();
      for (int t = 0; t < 60; t++) {
        JsonObject journaled = send("POST", "/_mock/tenants", "{}", null);
        String clientToken = send("POST", "/v1/auth/token", new JsonObject().put("grant_type", "client_credentials")
            .put("client_id", journaled.getString("clientId")).put("client_secret", journaled.getString("clientSecret"))
            .encode(), null).getString("access_token");
        for (int i = 0; i < 250; i++) {
          send("POST", "/v1/users", eightKb, clientToken);
        }
      }
      assertAlive();

      // one tenant's stored data: external-user meta of 200 KB each, until refused
      String meta = "/v1/spaces/" + space + "/analytics/external-user-meta";
      for (int i = 0; i < 2_000 && status("POST", meta, new JsonObject().put("externalUserId", "u" + i)
          .put("meta", new JsonObject().put("bio", BIG)).encode(), token) == 201; i++) {
        assertTrue(i < 1_999, "stored data is limited");
      }
      assertAlive();   // with the logs, the journals and the stored data full at once

      // tenants, until refused (after a reset, so that the stored data above leaves them room)
      assertEquals(200, status("POST", "/_mock/reset", null, null));
      for (int i = 0; i < 20_000 && status("POST", "/_mock/tenants", "{}", null) == 201; i++) {
        assertTrue(i < 19_999, "tenants are limited");
      }
      assertAlive();

      assertEquals(200, status("POST", "/_mock/reset", null, null));
      assertEquals(201, status("POST", "/_mock/tenants", "{}", null), "room again after a reset");
      assertTrue(statuses.keySet().stream().allMatch(s -> s < 500), "no 5xx: " + statuses);
      System.out.println("MemoryLimitsIT statuses: " + statuses);
    }
  }

  /**
   * A store filled with rooms reads back whole: the space's list of rooms and the state file are each
   * larger than the heap left beside the stored data (the list alone ~90 MB of JSON here), so they
   * must go out as the client takes them, never held whole.
   */
  @Test
  void aFullStoreReadsBackWhole() throws Exception {
    try (MockJar started = start("--sdk-example-tenant", "off")) {
      String token = send("POST", "/v1/auth/token", "{\"grant_type\":\"password\",\"client_id\":\"demo-client\","
          + "\"client_secret\":\"demo-secret\",\"username\":\"demo@example.com\",\"password\":\"demo-password\"}",
          null).getString("access_token");
      String space = send("POST", "/v1/spaces", "{\"name\":\"full\"}", token).getString("id");

      // rooms of 1,000-character Cyrillic names (3 KB of JSON each), 8 at a time, until refused
      String room = new JsonObject().put("name", "ж".repeat(1_000)).encode();
      java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicBoolean full = new java.util.concurrent.atomic.AtomicBoolean();
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      for (int w = 0; w < 8; w++) {
        pool.submit(() -> {
          for (int i = 0; i < 20_000 && !full.get(); i++) {
            int status = status("POST", "/v1/spaces/" + space + "/rooms", room, token);
            if (status == 201) {
              made.incrementAndGet();
            } else {
              full.set(true);
            }
          }
          return null;
        });
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES));
      assertTrue(full.get() && made.get() > 20_000, made + " rooms before the store was full");
      assertEquals(409, status("POST", "/v1/spaces/" + space + "/rooms", room, token));

      assertEquals(made.get(), countObjectsIn("/v1/spaces/" + space + "/rooms", token, "items"));
      assertEquals(made.get(), countObjectsIn("/_mock/state", null, "rooms"));
      assertAlive();
      assertTrue(statuses.keySet().stream().allMatch(s -> s < 500), "no 5xx: " + statuses);
    }
  }

  /** The jar on a free port with {@code -Xmx128m}, as {@link #mock} at {@link #base}, once it listens. */
  private MockJar start(String... options) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("--port", "0"));
    args.addAll(List.of(options));
    mock = MockJar.start(List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError"), args, Map.of());
    Matcher ready = READY.matcher(mock.nextLine());
    assertTrue(ready.matches(), ready.toString());
    base = ready.group(1);
    return mock;
  }

  /** Reads an answer as it comes, checks it is whole JSON, and counts the objects in its arrays named {@code field}. */
  private int countObjectsIn(String path, String token, String field) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<java.io.InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode(), path);
    int count = 0;
    try (com.fasterxml.jackson.core.JsonParser json = new com.fasterxml.jackson.core.JsonFactory()
        .createParser(response.body())) {
      int depthInArray = -1;
      int depth = 0;
      for (var token2 = json.nextToken(); token2 != null; token2 = json.nextToken()) {
        switch (token2) {
          case START_ARRAY -> {
            depth++;
            if (field.equals(json.currentName())) {
              depthInArray = depth;
            }
          }
          case END_ARRAY -> {
            if (depth == depthInArray) {
              depthInArray = -1;
            }
            depth--;
          }
          case START_OBJECT -> {
            if (depth == depthInArray) {
              count++;
            }
            depth++;
          }
          case END_OBJECT -> depth--;
          default -> { }
        }
      }
    }
    return count;
  }

  /** Alive, healthy, and the API works: a token for the demo client. */
  private void assertAlive() throws Exception {
    assertTrue(mock.process().isAlive(), "the mock died (out of memory?)");
    assertEquals(200, status("GET", "/_mock/health", null, null));
    assertEquals(200, status("POST", "/v1/auth/token",
        "{\"grant_type\":\"client_credentials\",\"client_id\":\"demo-client\",\"client_secret\":\"demo-secret\"}", null));
  }

  private JsonObject send(String method, String path, String body, String token) throws Exception {
    HttpResponse<String> response = exchange(method, path, body, token);
    assertTrue(response.statusCode() < 500, method + " " + path + ": " + response.statusCode() + " " + response.body());
    Object parsed = response.body().isEmpty() ? new JsonObject() : io.vertx.core.json.Json.decodeValue(response.body());
    return parsed instanceof JsonObject o ? o : new JsonObject().put("items", (JsonArray) parsed);
  }

  private int status(String method, String path, String body, String token) throws Exception {
    return exchange(method, path, body, token).statusCode();
  }

  private HttpResponse<String> exchange(String method, String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    statuses.merge(response.statusCode(), 1, Integer::sum);
    return response;
  }
}
