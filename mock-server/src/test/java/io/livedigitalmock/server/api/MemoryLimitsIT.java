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
      String token = demoUserToken();
      String space = send("POST", "/v1/spaces", "{\"name\":\"full\"}", token).getString("id");

      // rooms of 1,000-character Cyrillic names (3 KB of JSON each), 8 at a time, until refused
      String room = new JsonObject().put("name", "ж".repeat(1_000)).encode();
      int made = untilRefused(20_000, (own, worker, i) ->
          exchange(own, "POST", "/v1/spaces/" + space + "/rooms", room, token));
      assertTrue(made > 20_000, made + " rooms before the store was full");
      assertEquals(409, status("POST", "/v1/spaces/" + space + "/rooms", room, token));

      assertEquals(made, countObjectsIn("/v1/spaces/" + space + "/rooms", token, "items"));
      assertEquals(made, countObjectsIn("/_mock/state", null, "rooms"));
      assertAlive();
      assertTrue(statuses.keySet().stream().allMatch(s -> s < 500), "no 5xx: " + statuses);
    }
  }

  /**
   * One call that holds the whole store ends, full as the store is, and is reported, to sixteen
   * readers at once, in both formats. Its
   * people join in a time that does not grow with how many came before (at N² it took hours), and a
   * report holds little of its own beside the stored call (sixteen at once, each holding its rows,
   * ran the heap out of memory; so did eight XLSX reports compressed at once on JDK 17, starving the
   * garbage collector).
   */
  @Test
  void aCallThatFillsTheStoreIsReportedToManyAtOnce() throws Exception {
    try (MockJar started = start("--sdk-example-tenant", "off")) {
      String token = demoUserToken();
      String space = send("POST", "/v1/spaces", "{\"name\":\"school\"}", token).getString("id");
      String room = send("POST", "/v1/spaces/" + space + "/rooms", "{\"name\":\"assembly\"}", token).getString("id");
      int joined = untilRefused(40_000, (own, worker, i) -> exchange(own, "POST", "/_mock/rooms/" + room
          + "/participants", new JsonObject().put("name", "Pupil " + worker + "-" + i)
          .put("email", "pupil" + worker + "-" + i + "@school.example")
          .put("externalUserId", "lms-" + worker + "-" + i).encode(), null));
      assertTrue(joined > 50_000, joined + " joined before the store was full");
      // the store is full, and the call still ends (ending adds an end time to each of ~97,000 people)
      String call = send("POST", "/_mock/rooms/" + room + "/end-call", null, null).getString("id");

      String report = "/v1/spaces/" + space + "/analytics/report?roomId=" + room + "&callId=" + call;
      java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(16);
      List<java.util.concurrent.Future<Integer>> rows = new java.util.ArrayList<>();
      for (int r = 0; r < 16; r++) {
        rows.add(readers.submit(r % 2 == 0 ? () -> countObjectsIn(ownClient(), report, token, "participants")
            : () -> xlsxRows(ownClient(), report + "&format=xlsx", token)));
      }
      readers.shutdown();
      for (var read : rows) {
        assertEquals(joined, read.get(3, java.util.concurrent.TimeUnit.MINUTES), "a row a participant");
      }
      assertAlive();
      assertTrue(statuses.keySet().stream().allMatch(s -> s < 500), "no 5xx: " + statuses);
    }
  }

  /** An access token of the demo user (the password grant). */
  private String demoUserToken() throws Exception {
    return send("POST", "/v1/auth/token", "{\"grant_type\":\"password\",\"client_id\":\"demo-client\","
        + "\"client_secret\":\"demo-secret\",\"username\":\"demo@example.com\",\"password\":\"demo-password\"}",
        null).getString("access_token");
  }

  /** One request of a flood: worker {@code worker}'s {@code i}th, sent through {@code via}. */
  @FunctionalInterface
  private interface FloodRequest {
    HttpResponse<String> send(HttpClient via, int worker, int i) throws Exception;
  }

  /**
   * Eight threads send {@code request} (each at most {@code perThread} times) until one is refused (a
   * 4xx): how many were made (201). Fails when they do not end within 5 minutes or a request fails.
   */
  private int untilRefused(int perThread, FloodRequest request) throws Exception {
    java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean refused = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<?>> workers = new java.util.ArrayList<>();
    for (int w = 0; w < 8; w++) {
      int worker = w;
      workers.add(pool.submit(() -> {
        HttpClient own = ownClient();
        for (int i = 0; i < perThread && !refused.get(); i++) {
          int status = request.send(own, worker, i).statusCode();
          if (status == 201) {
            made.incrementAndGet();
          } else {
            refused.set(true);
          }
        }
        return null;
      }));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES), made + " made in 5 minutes");
    for (var worker : workers) {
      worker.get();   // a request that failed on the way fails the test, rather than miscounting
    }
    assertTrue(refused.get(), "refused within " + 8 * perThread + " requests");
    return made.get();
  }

  /** The rows of an XLSX answer below its header row. */
  private int xlsxRows(HttpClient via, String path, String token) throws Exception {
    HttpResponse<byte[]> response = via.send(HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), path);
    try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
        new java.io.ByteArrayInputStream(response.body()))) {
      try (var sheetRows = workbook.getFirstSheet().openStream()) {
        return (int) sheetRows.count() - 1;
      }
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
    return countObjectsIn(client, path, token, field);
  }

  private int countObjectsIn(HttpClient via, String path, String token, String field) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<java.io.InputStream> response = via.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
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

  /**
   * A client for one thread of a flood. Eight threads sharing one JDK client lose about one answer in
   * 50,000 (its pool closes a connection as another thread takes it: "header parser received no
   * bytes", JDK 17 and 25 alike) although the mock answered; one client a thread loses none.
   */
  private static HttpClient ownClient() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  private HttpResponse<String> exchange(String method, String path, String body, String token)
      throws IOException, InterruptedException {
    return exchange(client, method, path, body, token);
  }

  private HttpResponse<String> exchange(HttpClient via, String method, String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = via.send(request.build(), HttpResponse.BodyHandlers.ofString());
    statuses.merge(response.statusCode(), 1, Integer::sum);
    return response;
  }
}
