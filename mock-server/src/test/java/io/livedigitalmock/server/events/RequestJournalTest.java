package io.livedigitalmock.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.events.EventsKit.Tenant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request journal: what it records, secrets masked, filters, waiting, clearing, and its bounds. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RequestJournalTest {

  @RegisterExtension
  static final EventsKit kit = new EventsKit();

  private Tenant t;
  private String requests;

  @BeforeEach
  void tenant() {
    t = kit.newTenant();
    requests = "/_mock/tenants/" + t.clientId + "/requests";
  }

  private JsonArray list(String query) {
    return kit.get(requests + query, null).expect(200).getJsonArray("items");
  }

  @Test
  void everyRequestWithOperationStatusDurationHeadersAndBodySecretsMasked() {
    String spaceId = t.createSpace();
    JsonArray items = list("");
    assertEquals(2, items.size(), "the login and the space: " + items);
    JsonObject login = items.getJsonObject(0);
    assertEquals("getAccessToken", login.getString("operation"));
    assertEquals(t.clientId, login.getString("clientId"));
    assertTrue(login.getString("body").contains("\"client_secret\":\"***\""), login.getString("body"));
    assertTrue(login.getString("body").contains("\"password\":\"***\""));
    assertFalse(login.getString("body").contains(t.clientSecret));
    JsonObject create = items.getJsonObject(1);
    assertEquals("POST", create.getString("method"));
    assertEquals("/v1/spaces", create.getString("path"));
    assertEquals("createSpace", create.getString("operation"));
    assertEquals(201, create.getInteger("status"));
    assertTrue(create.getDouble("durationMs") >= 0);
    assertNull(create.getValue("fault"));
    JsonObject headers = create.getJsonObject("headers");
    String authorization = headers.fieldNames().stream().filter("Authorization"::equalsIgnoreCase).findFirst()
        .orElseThrow();
    assertEquals(List.of("Bearer ***"), headers.getJsonArray(authorization).getList());
    assertTrue(create.getString("body").contains("\"name\""));
    assertEquals(spaceId, kit.get("/v1/spaces/" + spaceId, t.token).expect(200).getString("id"));
    assertEquals(1, list("?operation=getSpace").size());
    assertEquals(1, list("?operation=" + "GET%20/v1/spaces/%7BspaceId%7D").size(), "by signature too");
  }

  @Test
  void aHeaderSentTwiceIsJournaledWithBothValues() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(kit.baseUrl() + "/v1/spaces"))
        .header("Authorization", "Bearer " + t.token)
        .header("X-Trace", "first").header("X-Trace", "second").header("X-Other", "one")
        .GET().build();
    HttpClient client = HttpClient.newHttpClient();   // Java 17: not closeable
    assertEquals(200, client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    JsonObject headers = list("?operation=getSpaces").getJsonObject(0).getJsonObject("headers");
    String trace = headers.fieldNames().stream().filter("X-Trace"::equalsIgnoreCase).findFirst().orElseThrow();
    assertEquals(List.of("first", "second"), headers.getJsonArray(trace).getList(), headers.encode());
    assertTrue(headers.fieldNames().stream().anyMatch("X-Other"::equalsIgnoreCase), "and the header after them");
  }

  @Test
  void aRequestWithManyHeadersKeepsThemAllAndTheNextOneOnlyItsOwn() throws Exception {
    HttpRequest.Builder many = HttpRequest.newBuilder(URI.create(kit.baseUrl() + "/v1/spaces"))
        .header("Authorization", "Bearer " + t.token);
    for (int i = 0; i < 30; i++) {
      many.header("X-Extra-" + i, "v" + i);
    }
    HttpClient client = HttpClient.newHttpClient();
    assertEquals(200, client.send(many.GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    assertEquals(200, kit.get("/v1/spaces", t.token).status());
    JsonArray items = list("?operation=getSpaces");
    JsonObject first = items.getJsonObject(0).getJsonObject("headers");
    for (int i = 0; i < 30; i++) {
      String name = "X-Extra-" + i;
      String sent = first.fieldNames().stream().filter(name::equalsIgnoreCase).findFirst().orElseThrow();
      assertEquals(List.of("v" + i), first.getJsonArray(sent).getList());
    }
    JsonObject second = items.getJsonObject(1).getJsonObject("headers");
    assertTrue(second.fieldNames().stream().noneMatch(n -> n.regionMatches(true, 0, "X-Extra-", 0, 8)), second.encode());
  }

  @Test
  void filtersByMethodPathStatusAndAfter() {
    String spaceId = t.createSpace();
    kit.get("/v1/spaces/" + spaceId + "/rooms/nope", t.token).expect(404);
    assertEquals(1, list("?status=4xx").size());
    assertEquals(1, list("?status=404").size());
    assertEquals(2, list("?method=POST").size());
    assertEquals(2, list("?path=/v1/spaces*").size());
    long first = list("").getJsonObject(0).getLong("seq");
    assertEquals(2, list("?after=" + first).size());
    assertEquals(400, kit.get(requests + "?status=5x", null).status());
    assertEquals(400, kit.get(requests + "?operation=makeRoom", null).status());
  }

  @Test
  void anUnknownRouteIsFlaggedAndAnUnexplained5xxToo() {
    assertEquals(404, kit.get("/v1/classrooms", t.token).status());
    JsonObject unknown = list("?knownRoute=false").getJsonObject(0);
    assertEquals("/v1/classrooms", unknown.getString("path"));
    assertNull(unknown.getValue("operation"));
    assertTrue(unknown.getBoolean("unexplained"));
    assertEquals(1, list("").stream().filter(e -> ((JsonObject) e).getBoolean("unexplained")).count());
  }

  @Test
  void waitingForTheNextRequestWithoutSleeping() throws Exception {
    long last = kit.get(requests, null).expect(200).getLong("lastSeq");
    CompletableFuture<JsonObject> next = CompletableFuture.supplyAsync(() ->
        kit.get(requests + "/next?operation=createSpace&after=" + last + "&timeoutMs=10000", null).expect(200));
    String spaceId = t.createSpace();
    JsonObject found = next.get(15, TimeUnit.SECONDS);
    assertEquals("createSpace", found.getString("operation"));
    assertTrue(found.getLong("seq") > last);
    assertEquals(404, kit.get(requests + "/next?operation=deleteSpace&after=" + found.getLong("seq")
        + "&timeoutMs=100", null).status(), "none within the wait");
    assertTrue(spaceId.length() > 0);
  }

  @Test
  void clearedByDeleteAndByTheTenantsReset() {
    t.createSpace();
    kit.delete(requests, null).expect(200);
    assertEquals(0, list("").size());
    t.createSpace();
    kit.post("/_mock/tenants/" + t.clientId + "/reset", null, null).expect(200);
    assertEquals(0, list("").size());
  }

  @Test
  void requestsOfNoTenantAreUnattributedAndTenantsStayApart() {
    kit.get("/v1/users/me", null).expect(401);
    JsonArray unattributed = kit.get("/_mock/requests/unattributed?operation=getMe", null).expect(200)
        .getJsonArray("items");
    assertFalse(unattributed.isEmpty());
    assertNull(unattributed.getJsonObject(unattributed.size() - 1).getValue("clientId"));
    Tenant other = kit.newTenant();
    other.createSpace();
    assertEquals(1, list("").size(), "only this tenant's login");
  }

  @Test
  void aLongBodyIsKeptCut() {
    String spaceId = t.createSpace();
    String description = "x".repeat(10_000);
    kit.post("/v1/spaces/" + spaceId + "/rooms", t.token, new JsonObject().put("name", "Big")
        .put("description", description));
    JsonObject entry = list("?operation=createRoom").getJsonObject(0);
    assertTrue(entry.getBoolean("bodyTruncated"));
    assertEquals(8 * 1024, entry.getString("body").length());
    assertTrue(entry.getInteger("bodySize") > 10_000);
  }

  @Test
  void boundedByEntriesAndByBytesOldestDropped() {
    try (MockServer small = MockServer.start(MockConfig.defaults().withPort(0).withJournalLimits(3, 1_000_000));
         MockServer tiny = MockServer.start(MockConfig.defaults().withPort(0).withJournalLimits(100, 2_000))) {
      EventsKit onSmall = new EventsKit(small);
      Tenant a = onSmall.newTenant();
      for (int i = 0; i < 4; i++) {
        onSmall.get("/v1/users/me", a.token).expect(200);
      }
      JsonObject page = onSmall.get("/_mock/tenants/" + a.clientId + "/requests", null).expect(200);
      assertEquals(3, page.getJsonArray("items").size());
      assertEquals(2, page.getInteger("dropped"), "the login and the first getMe");
      assertEquals("getMe", page.getJsonArray("items").getJsonObject(0).getString("operation"));
      EventsKit onTiny = new EventsKit(tiny);
      Tenant b = onTiny.newTenant();
      for (int i = 0; i < 10; i++) {
        onTiny.get("/v1/users/me", b.token).expect(200);
      }
      int kept = onTiny.get("/_mock/tenants/" + b.clientId + "/requests", null).expect(200)
          .getJsonArray("items").size();
      assertTrue(kept >= 1 && kept < 5, "2,000 bytes hold a few entries, not 11: " + kept);
    }
  }

  @Test
  void everyHeaderCountsAgainstTheBytes() throws Exception {
    try (MockServer tiny = MockServer.start(MockConfig.defaults().withPort(0).withJournalLimits(100, 20_000))) {
      EventsKit onTiny = new EventsKit(tiny);
      Tenant b = onTiny.newTenant();
      HttpClient client = HttpClient.newHttpClient();
      for (int i = 0; i < 10; i++) {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(onTiny.baseUrl() + "/v1/users/me"))
            .header("Authorization", "Bearer " + b.token).header("X-Trace", Integer.toString(i).repeat(4_000)).build();
        assertEquals(200, client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
      }
      int kept = onTiny.get("/_mock/tenants/" + b.clientId + "/requests", null).expect(200)
          .getJsonArray("items").size();
      assertTrue(kept >= 1 && kept < 5, "20,000 bytes hold four requests of a new 4,000-char header, not 11: " + kept);
    }
  }
}
