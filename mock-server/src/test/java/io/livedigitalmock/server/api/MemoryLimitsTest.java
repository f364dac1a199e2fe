package io.livedigitalmock.server.api;

import static io.livedigitalmock.server.support.ApiErrors.apiError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.TenantSpec;
import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.rooms.RoomSettings;
import io.livedigitalmock.server.domain.rooms.RoomType;
import io.livedigitalmock.server.support.TestTenant;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Each memory limit with a small value: past it the mock refuses with a 4xx naming the option, or
 * forgets the oldest log entries; reads, deletes and resets keep working, and a reset makes room.
 */
class MemoryLimitsTest {

  private static final String TWENTY_KB = "x".repeat(20_000);
  /** 20,000 chars that the JVM keeps in two bytes each. */
  private static final String FORTY_KB = "я".repeat(20_000);

  @Test
  void storedDataPastDataBytesIsRefusedUntilAResetMakesRoom() {
    try (MockServer server = start("--data-bytes", "256k")) {
      TestTenant t = TestTenant.create(server.baseUrl());
      String token = t.owner().accessToken();
      String space = t.createSpace(token, true);
      Response refused = firstRefused(100, 201, "the 256 KiB filled up", i -> storeMeta(t, token, space, "u" + i));
      refused.then().spec(apiError(409)).body("message", containsString("--data-bytes"));

      t.as(token).get("/v1/spaces/{s}", space).then().statusCode(200);
      control(server).post("/_mock/tenants").then().spec(apiError(409));
      t.control().post("/reset").then().statusCode(200);
      String again = t.createSpace(token, true);
      storeMeta(t, token, again, "after-reset").then().statusCode(201);
    }
  }

  /**
   * A test that filled the store can still wind down what runs, through every path that finishes
   * something, without deleting anything first; what starts something stays refused.
   */
  @Test
  void aFullMockStillLetsPeopleLeaveCallsEndAndRecordingsStop() {
    try (MockServer server = start("--data-bytes", "256k")) {
      TestTenant t = TestTenant.create(server.baseUrl());
      String token = t.owner().accessToken();
      String space = t.createSpace(token, true);
      String[] rooms = new String[5];
      String[] people = new String[rooms.length];
      for (int i = 0; i < rooms.length; i++) {
        rooms[i] = t.createRoom(token, space, true).id();
        people[i] = control(server).body(Map.of("name", "Ann", "role", "moderator"))
            .post("/_mock/rooms/{r}/participants", rooms[i]).then().statusCode(201).extract().path("id");
        control(server).post("/_mock/rooms/{r}/recording/start", rooms[i]).then().statusCode(201);
      }
      firstRefused(100, 201, "the 256 KiB filled up", i -> storeMeta(t, token, space, "u" + i));
      control(server).body(Map.of("name", "Bob")).post("/_mock/rooms/{r}/participants", rooms[0])
          .then().spec(apiError(409));

      control(server).post("/_mock/participants/{p}/leave", people[0]).then().statusCode(200)
          .body("leftAt", notNullValue());
      control(server).post("/_mock/rooms/{r}/end-call", rooms[1]).then().statusCode(200)
          .body("finishedAt", notNullValue());
      t.as(token).post("/v1/spaces/{s}/rooms/{r}/records/stop", space, rooms[2]).then().statusCode(200);
      control(server).post("/_mock/rooms/{r}/recording/fail", rooms[3]).then().statusCode(200)
          .body("state", equalTo("failed"));
      given().baseUri(server.baseUrl()).accept("text/html").redirects().follow(false)
          .post("/_mock/ui/rooms/{r}/end-call", rooms[4]).then().statusCode(303)
          .header("Location", not(containsString("refused")));
      for (int i : new int[] {0, 1, 4}) {
        control(server).get("/_mock/rooms/{r}", rooms[i]).then().statusCode(200)
            .body("activeCall", nullValue())
            .body("activeRecording", nullValue());
      }
      control(server).get("/_mock/rooms/{r}", rooms[2]).then().body("activeRecording", nullValue());
      control(server).get("/_mock/rooms/{r}", rooms[3]).then().body("activeRecording", nullValue());

      storeMeta(t, token, space, "after").then().spec(apiError(409));
      control(server).post("/_mock/rooms/{r}/recording/start", rooms[2]).then().spec(apiError(409));
    }
  }

  /**
   * What the README promises for the image at {@code -Xmx128m}: its default data share (9/16 of the
   * 129,761,280 bytes such a JVM reports as its max heap with the image's serial GC) holds 10,000
   * tenants (the two built-in ones among them), each with a user, a space and ten rooms as
   * {@code bench/tenants.py} makes them. {@code bench/memory-load.sh} checks that the heap holds them too.
   */
  @Test
  void theDefaultDataShareOfA128MegabyteHeapHoldsTenThousandTenantsOfTenRooms() {
    long dataBytes = 129_761_280L / 32 * 18;
    try (MockServer server = start("--data-bytes", Long.toString(dataBytes))) {
      TenantRegistry registry = server.tenants();
      while (registry.all().size() < 10_000) {
        Tenant tenant = registry.create(new TenantSpec(null, null, null, null, null, null));
        Caller owner = Caller.user(tenant.user().id());
        String space = tenant.backend().spaces().create(owner, "bench", null, null, true).id();
        for (int i = 0; i < 10; i++) {
          tenant.backend().rooms().create(owner, space, new RoomSettings("room " + i, RoomType.LESSON, null, Map.of(), null));
        }
      }
      long used = registry.data().used();
      assertTrue(used <= dataBytes, used + " bytes counted for 10,000 tenants, over " + dataBytes);
    }
  }

  @Test
  void faultRulesCountAsStoredData() {
    try (MockServer server = start("--data-bytes", "256k")) {
      TestTenant t = TestTenant.create(server.baseUrl());
      Map<String, Object> rule = Map.of("on", "getMe",
          "respond", Map.of("status", 503, "body", Map.of("message", TWENTY_KB)));
      Response refused = firstRefused(100, 201, "the 256 KiB filled up", i -> t.control().body(rule).post("/faults"));
      refused.then().spec(apiError(409)).body("message", containsString("--data-bytes"));
      t.control().post("/reset").then().statusCode(200);
      t.control().body(rule).post("/faults").then().statusCode(201);
    }
  }

  @Test
  void faultRulesCountTheirRegexesAsStoredData() {
    try (MockServer server = start("--data-bytes", "1m")) {
      TestTenant t = TestTenant.create(server.baseUrl());
      Response refused = null;
      int accepted = 0;
      for (int i = 0; i < 200 && refused == null; i++) {
        // each a different literal: nothing shared, 4,096 characters compiled
        String literal = Integer.toString(i, 36) + "q".repeat(4_096 - Integer.toString(i, 36).length());
        Response r = t.control().body(Map.of("on", "getMe", "match", Map.of("body", literal),
            "respond", Map.of("status", 503))).post("/faults");
        refused = r.statusCode() == 201 ? null : r;
        accepted += r.statusCode() == 201 ? 1 : 0;
      }
      assertTrue(refused != null, "1 MiB filled up");
      refused.then().spec(apiError(409)).body("message", containsString("--data-bytes"));
      // a compiled 4,096-character literal holds about 40 KB: 1 MiB is some 25 of them, not hundreds
      assertTrue(accepted < 40, accepted + " rules of 4,096-character regexes counted within 1 MiB");
    }
  }

  @Test
  void aRegexLongerThanARuleMayHaveIsRefusedBeforeItIsCompiled() {
    try (MockServer server = start()) {
      TestTenant t = TestTenant.create(server.baseUrl());
      t.control().body(Map.of("on", "getMe", "match", Map.of("body", "a".repeat(250_000)),
          "respond", Map.of("status", 503))).post("/faults").then().spec(apiError(400))
          .body("message", containsString("at most 4096 characters"));
      t.control().body(Map.of("on", "getMe", "match", Map.of("headers", Map.of("X-Test", "b".repeat(4_097))),
          "respond", Map.of("status", 503))).post("/faults").then().spec(apiError(400));
    }
  }

  @Test
  void tenantsPastMaxTenantsAreRefused() {
    try (MockServer server = start("--max-tenants", "3")) {
      control(server).post("/_mock/tenants").then().statusCode(201);   // with the demo and SDK tenants: 3
      control(server).post("/_mock/tenants").then().spec(apiError(409)).body("message", containsString("--max-tenants"));
      control(server).post("/_mock/reset").then().statusCode(200);
      control(server).post("/_mock/tenants").then().statusCode(201);
    }
  }

  @Test
  void receiversPastMaxReceiversAreRefusedAndTheirLogsKeepTheNewestRequests() {
    try (MockServer server = start("--max-receivers", "2", "--receiver-log-bytes", "128k")) {
      String a = control(server).post("/_mock/receivers").then().statusCode(201).extract().path("id");
      String b = control(server).post("/_mock/receivers").then().statusCode(201).extract().path("id");
      control(server).post("/_mock/receivers").then().spec(apiError(409)).body("message", containsString("--max-receivers"));

      for (int i = 0; i < 3; i++) {
        control(server).body(FORTY_KB).post("/_mock/receivers/{id}", a).then().statusCode(200);
      }
      for (int i = 0; i < 3; i++) {
        control(server).body(FORTY_KB).post("/_mock/receivers/{id}", b).then().statusCode(200);
      }
      // 20,000 Cyrillic chars count 40 KB each: three of the six fit in 128 KiB, the newest ones (all of b's)
      assertEquals(0, requests(server, a).getInt("total"));
      assertEquals(3, requests(server, b).getInt("total"));

      control(server).delete("/_mock/receivers/{id}", a).then().statusCode(200);
      control(server).post("/_mock/receivers").then().statusCode(201);
    }
  }

  @Test
  void eventsPastTheDeliveryQueueAreRefusedOrDroppedAndLogged() {
    try (MockServer server = start("--delivery-queue-bytes", "128k")) {
      TestTenant t = TestTenant.create(server.baseUrl());
      String token = t.owner().accessToken();
      String space = t.createSpace(token, true);
      String hanging = control(server).body(Map.of("delayMs", 60_000)).post("/_mock/receivers").then().statusCode(201)
          .extract().path("url");
      t.as(token).body(Map.of("url", hanging)).post("/v1/spaces/{s}/webhook", space).then().statusCode(201);

      Response refused = firstRefused(10, 202, "the 128 KiB filled up", i -> control(server)
          .body(Map.of("body", Map.of("eventName", "big", "data", TWENTY_KB)))
          .post("/_mock/spaces/{s}/webhook/test-event", space));
      refused.then().spec(apiError(429)).body("message", containsString("--delivery-queue-bytes"));
      for (int i = 0; i < 1_000 && control(server).body(Map.of("body", Map.of("eventName", "s")))
          .post("/_mock/spaces/{s}/webhook/test-event", space).statusCode() == 202; i++) {
        assertTrue(i < 999, "small events fill the rest");
      }

      String room = t.createRoom(token, space, true).id();
      control(server).body(Map.of("name", "Ann")).post("/_mock/rooms/{r}/participants", room).then().statusCode(201);
      control(server).get("/_mock/webhooks/deliveries/next?clientId={c}&eventName=call_started&timeoutMs=10000",
          t.clientId()).then().statusCode(200).body("outcome", equalTo("dropped"))
          .body("error", containsString("--delivery-queue-bytes"));
    }
  }

  private static MockServer start(String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "--port";
    args[1] = "0";
    args[2] = "--seed";
    args[3] = "9";
    System.arraycopy(options, 0, args, 4, options.length);
    return MockServer.start(MockConfig.parse(args, Map.of()));
  }

  /** Sends {@code send(0)}, {@code send(1)}... until one is answered other than {@code accepted}: that answer. */
  private static Response firstRefused(int tries, int accepted, String filled, IntFunction<Response> send) {
    for (int i = 0; i < tries; i++) {
      Response r = send.apply(i);
      if (r.statusCode() != accepted) {
        return r;
      }
    }
    throw new AssertionError("expected " + filled + " within " + tries + " requests");
  }

  private static RequestSpecification control(MockServer server) {
    return given().baseUri(server.baseUrl()).contentType(ContentType.JSON);
  }

  private static JsonPath requests(MockServer server, String receiver) {
    return control(server).get("/_mock/receivers/{id}/requests", receiver).then().statusCode(200).extract().jsonPath();
  }

  private static Response storeMeta(TestTenant t, String token, String space, String externalUserId) {
    return t.as(token).body(Map.of("externalUserId", externalUserId, "meta", Map.of("bio", TWENTY_KB)))
        .post("/v1/spaces/{s}/analytics/external-user-meta", space);
  }
}
