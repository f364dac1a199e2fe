package io.livedigitalmock.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server runs one HTTP server per event loop on one port, over one shared state: what a request
 * served on one event loop changes, a request served on another sees at once. Two client connections
 * are pinned (a pool of one connection each) and shown to be served by different event loops (the
 * loop thread that spends the CPU of a burst on the connection); then writes on one are read on the other.
 */
class EventLoopsTest {

  private static final String LOOP_THREAD = "vert.x-eventloop-thread-";

  private MockServer server;
  private Set<Long> serverLoops;
  private Vertx clients;

  @BeforeEach
  void start() {
    Set<Long> before = loopThreads();
    server = MockServer.start(MockConfig.defaults().withPort(0).withSeed(7).withEventLoops(2));
    serverLoops = loopThreads();
    serverLoops.removeAll(before);
    clients = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    clients.close().await(10, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  void requestsServedOnDifferentEventLoopsSeeTheSameState() throws Exception {
    assertEquals(2, serverLoops.size(), "the server's event loop threads");
    Connection a = connect();
    Connection b = connect();
    for (int tries = 0; tries < 6 && b.loop == a.loop; tries++) {
      b = connect();   // connections are dealt to the servers in turn: the next one lands on the other loop
    }
    assertNotEquals(a.loop, b.loop, "two connections served by different event loops");

    // a tenant created on one loop is there on the other
    JsonObject tenant = a.call(HttpMethod.POST, "/_mock/tenants", new JsonObject().put("clientId", "loops"), 201);
    assertEquals("loops", b.call(HttpMethod.GET, "/_mock/tenants/loops", null, 200).getString("clientId"));

    // a token from one loop authenticates on the other; a room created there is read here, renamed here, read there
    String token = a.call(HttpMethod.POST, "/v1/auth/token", new JsonObject().put("grant_type", "password")
        .put("client_id", "loops").put("client_secret", tenant.getString("clientSecret"))
        .put("username", tenant.getJsonObject("user").getString("email"))
        .put("password", tenant.getJsonObject("user").getString("password")), 200).getString("access_token");
    a.token = token;
    b.token = token;
    String space = b.call(HttpMethod.POST, "/v1/spaces", new JsonObject().put("name", "s"), 201).getString("id");
    String room = a.call(HttpMethod.POST, "/v1/spaces/" + space + "/rooms", new JsonObject().put("name", "before"), 201)
        .getString("id");
    String path = "/v1/spaces/" + space + "/rooms/" + room;
    assertEquals("before", b.call(HttpMethod.GET, path, null, 200).getString("name"));
    assertEquals("before", a.call(HttpMethod.GET, path, null, 200).getString("name"));
    b.call(HttpMethod.PUT, path, new JsonObject().put("name", "after"), 200);
    assertEquals("after", a.call(HttpMethod.GET, path, null, 200).getString("name"));

    // a fault rule added on one loop fires on the other
    a.call(HttpMethod.POST, "/_mock/tenants/loops/faults", new JsonObject().put("rules", List.of(
        Map.of("on", "getRoom", "respond", Map.of("status", 503)))), 201);
    b.call(HttpMethod.GET, path, null, 503);
    a.call(HttpMethod.DELETE, "/_mock/tenants/loops/faults", null, 200);

    // one loop waits for the next journaled request; a request on the other wakes it
    long last = a.call(HttpMethod.GET, "/_mock/tenants/loops/requests", null, 200).getLong("lastSeq");
    Future<Answer> waiting = b.send(HttpMethod.GET, "/_mock/tenants/loops/requests/next?operation=getMe&timeoutMs=10000&after="
        + last, null);
    a.call(HttpMethod.GET, "/v1/users/me", null, 200);
    Answer woken = waiting.await(15, TimeUnit.SECONDS);
    assertEquals(200, woken.status, woken.body.toString());
    assertEquals("/v1/users/me", woken.body.toJsonObject().getString("path"));

    // time moved on one loop expires the token on the other
    a.call(HttpMethod.POST, "/_mock/tenants/loops/clock", new JsonObject().put("advanceSeconds", 8 * 86_400), 200);
    b.call(HttpMethod.GET, path, null, 401);
  }

  /** A client of exactly one connection, and the server event loop that serves it. */
  private final class Connection {

    private final HttpClient client;
    private long loop;
    private String token;

    Connection(HttpClient client) {
      this.client = client;
    }

    Future<Answer> send(HttpMethod method, String uri, JsonObject body) {
      return client.request(method, server.port(), "127.0.0.1", uri).compose(request -> {
        if (token != null) {
          request.putHeader("Authorization", "Bearer " + token);
        }
        Future<io.vertx.core.http.HttpClientResponse> sent = body == null ? request.send()
            : request.putHeader("Content-Type", "application/json").send(body.toBuffer());
        return sent.compose(response -> response.body().map(b -> new Answer(response.statusCode(), b)));
      });
    }

    JsonObject call(HttpMethod method, String uri, JsonObject body, int status) throws Exception {
      Answer answer = send(method, uri, body).await(10, TimeUnit.SECONDS);
      assertEquals(status, answer.status, method + " " + uri + ": " + answer.body);
      return answer.body.length() == 0 || answer.body.getByte(0) != '{' ? new JsonObject() : answer.body.toJsonObject();
    }
  }

  private record Answer(int status, Buffer body) {
  }

  /** A new connection, and which of the server's loops serves it: the one that spends a burst's CPU. */
  private Connection connect() throws Exception {
    Connection c = new Connection(clients.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(1)));
    c.call(HttpMethod.GET, "/_mock/health", null, 200);   // opens the connection
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpuBefore = new HashMap<>();
    serverLoops.forEach(id -> cpuBefore.put(id, threads.getThreadCpuTime(id)));
    List<Future<Answer>> burst = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      burst.add(c.send(HttpMethod.GET, "/_mock/health", null));
    }
    Future.all(burst).await(30, TimeUnit.SECONDS);
    Long busiest = serverLoops.stream()
        .max(java.util.Comparator.comparingLong(id -> threads.getThreadCpuTime(id) - cpuBefore.get(id))).orElse(null);
    assertNotNull(busiest);
    c.loop = busiest;
    return c;
  }

  private static Set<Long> loopThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(LOOP_THREAD))
        .map(Thread::getId).collect(Collectors.toSet());
  }
}
