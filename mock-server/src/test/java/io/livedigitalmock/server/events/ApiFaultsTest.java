package io.livedigitalmock.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.events.EventsKit.Resp;
import io.livedigitalmock.server.events.EventsKit.Tenant;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every effect of a fault rule on the API, as a client sees it, and what the journal says of it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiFaultsTest {

  @RegisterExtension
  static final EventsKit kit = new EventsKit();

  private Tenant t;

  @BeforeEach
  void tenant() {
    t = kit.newTenant();
  }

  private JsonObject addRule(JsonObject rule) {
    return kit.post("/_mock/tenants/" + t.clientId + "/faults", null, rule).expect(201)
        .getJsonArray("items").getJsonObject(0);
  }

  private Resp getMe() {
    return kit.get("/v1/users/me", t.token);
  }

  private JsonObject lastJournalEntry() {
    JsonArray items = kit.get("/_mock/tenants/" + t.clientId + "/requests", null).expect(200).getJsonArray("items");
    return items.getJsonObject(items.size() - 1);
  }

  @Test
  void respondWithAStatusAndTheMocksErrorBody() {
    addRule(new JsonObject().put("on", "getMe").put("respond", new JsonObject().put("status", 503)));
    Resp r = getMe();
    assertEquals(503, r.status());
    assertEquals(new JsonObject().put("statusCode", 503).put("error", "Service Unavailable")
        .put("message", "Service Unavailable"), r.json());
    JsonObject entry = lastJournalEntry();
    assertEquals(503, entry.getInteger("status"));
    assertTrue(entry.getJsonObject("fault").getString("description").endsWith("respond 503"));
    assertEquals(false, entry.getBoolean("unexplained"), "a 5xx a fault caused is explained");
  }

  @Test
  void respondWithABodyAndHeadersOfTheRule() {
    addRule(new JsonObject().put("on", "GET /v1/users/me").put("respond", new JsonObject().put("status", 502)
        .put("body", "<html>Bad Gateway</html>").put("headers", new JsonObject().put("X-Proxy", "edge-3"))));
    Resp r = getMe();
    assertEquals(502, r.status());
    assertEquals("<html>Bad Gateway</html>", r.text());
    assertEquals("edge-3", r.header("X-Proxy"));
    assertTrue(r.header("Content-Type").startsWith("text/plain"));
  }

  @Test
  void rateLimitedWithRetryAfter() {
    addRule(new JsonObject().put("on", "*").put("when", new JsonObject().put("times", 1))
        .put("respond", new JsonObject().put("status", 429).put("retryAfter", "2500ms")));
    Resp r = getMe();
    assertEquals(429, r.status());
    assertEquals("3", r.header("Retry-After"), "whole seconds, rounded up");
    assertEquals("ThrottlerException: Too Many Requests", r.json().getString("message"));
    assertEquals(200, getMe().status(), "only once");
  }

  @Test
  void anExpiredTokenExactlyAsTheMockSaysIt() {
    addRule(new JsonObject().put("on", "getMe").put("fault", "expiredToken"));
    Resp r = getMe();
    assertEquals(401, r.status());
    assertEquals("{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"Token expired\"}", r.text());
  }

  @Test
  void latencyBeforeTheRealAnswer() {
    addRule(new JsonObject().put("on", "getMe").put("delay", "400ms"));
    Resp r = getMe();
    assertEquals(200, r.status());
    assertEquals(t.userId, r.json().getString("id"), "the real answer");
    assertTrue(r.millis() >= 400, "held back 400 ms, took " + r.millis());
    assertTrue(lastJournalEntry().getDouble("durationMs") >= 400);
  }

  @Test
  void latencyThenAnError() {
    addRule(new JsonObject().put("on", "getMe").put("delay", new JsonObject().put("min", "200ms").put("max", "300ms"))
        .put("respond", new JsonObject().put("status", 504)));
    Resp r = getMe();
    assertEquals(504, r.status());
    assertTrue(r.millis() >= 200, "took " + r.millis());
  }

  @Test
  void aResetClosesTheConnectionWithoutAnAnswer() {
    addRule(new JsonObject().put("on", "getMe").put("fault", "reset"));
    assertThrows(UncheckedIOException.class, this::getMe);
    JsonObject entry = kit.get("/_mock/tenants/" + t.clientId + "/requests/next?operation=getMe&timeoutMs=5000", null).expect(200);
    assertNull(entry.getInteger("status"));
    assertEquals("connection closed without an answer", entry.getString("error"));
  }

  @Test
  void anEmptyBodyWithTheRealStatus() {
    addRule(new JsonObject().put("on", "getMe").put("fault", "empty"));
    Resp r = getMe();
    assertEquals(200, r.status());
    assertEquals(0, r.bytes().length);
  }

  @Test
  void aTruncatedBodyAnnouncesTheFullLengthThenTheConnectionCloses() {
    addRule(new JsonObject().put("on", "getMe").put("fault", "truncated"));
    assertThrows(UncheckedIOException.class, this::getMe, "the client sees the body end early");
    JsonObject entry = kit.get("/_mock/tenants/" + t.clientId + "/requests/next?operation=getMe&timeoutMs=5000", null).expect(200);
    assertEquals(200, entry.getInteger("status"));
    assertEquals("connection closed before the answer ended", entry.getString("error"));
  }

  @Test
  void aMalformedBodyIsACompleteAnswerThatIsNotJson() {
    addRule(new JsonObject().put("on", "getMe").put("fault", "malformed"));
    Resp r = getMe();
    assertEquals(200, r.status());
    assertEquals(Integer.toString(r.bytes().length), r.header("Content-Length"));
    assertTrue(r.text().startsWith("{\"id\":"), r.text());
    assertThrows(DecodeException.class, r::json);
  }

  @Test
  void aRuleMatchesOnBodyAndHeader() {
    String spaceId = t.createSpace();
    addRule(new JsonObject().put("on", "createRoom").put("match", new JsonObject().put("body", "webinar")
        .put("headers", new JsonObject().put("Authorization", "^Bearer "))).put("fault", "reset"));
    assertEquals(201, kit.post("/v1/spaces/" + spaceId + "/rooms", t.token,
        new JsonObject().put("name", "Lesson").put("type", "lesson")).status());
    assertThrows(UncheckedIOException.class, () -> kit.post("/v1/spaces/" + spaceId + "/rooms", t.token,
        new JsonObject().put("name", "Open day").put("type", "webinar")));
  }

  @Test
  void aWindowOfTheTenantsMockTime() {
    addRule(new JsonObject().put("on", "getMe").put("when", new JsonObject().put("from", "10s").put("for", "20s"))
        .put("respond", new JsonObject().put("status", 503)));
    assertEquals(200, getMe().status());
    t.advanceClock(10);
    assertEquals(503, getMe().status());
    t.advanceClock(20);
    assertEquals(200, getMe().status(), "closed again");
  }

  @Test
  void theTokenEndpointIsToldByItsClientId() {
    addRule(new JsonObject().put("on", "getAccessToken").put("respond", new JsonObject().put("status", 503)));
    Resp token = kit.post("/v1/auth/token", null, new JsonObject().put("client_id", t.clientId)
        .put("client_secret", t.clientSecret).put("grant_type", "client_credentials"));
    assertEquals(503, token.status());
    Tenant other = kit.newTenant();
    assertNotNull(other.clientToken(), "another tenant's logins are untouched");
  }

  @Test
  void rulesAreListedCountedAndRemoved() {
    JsonObject rule = addRule(new JsonObject().put("name", "me down").put("on", "getMe")
        .put("when", new JsonObject().put("nth", 2)).put("respond", new JsonObject().put("status", 500)));
    getMe();
    getMe();
    JsonObject listed = kit.get("/_mock/tenants/" + t.clientId + "/faults", null).expect(200)
        .getJsonArray("items").getJsonObject(0);
    assertEquals("me down", listed.getString("name"));
    assertEquals(2, listed.getInteger("matched"));
    assertEquals(1, listed.getInteger("fired"));
    kit.delete("/_mock/tenants/" + t.clientId + "/faults/" + rule.getString("id"), null).expect(200);
    kit.delete("/_mock/tenants/" + t.clientId + "/faults/" + rule.getString("id"), null).expect(404);
    assertEquals(0, kit.get("/_mock/tenants/" + t.clientId + "/faults", null).expect(200).getInteger("total"));
  }

  @Test
  void anUnknownOperationIsRefusedWithTheValidNames() {
    JsonObject error = kit.post("/_mock/tenants/" + t.clientId + "/faults", null,
        new JsonObject().put("on", "makeRoom").put("fault", "reset")).expect(400);
    assertTrue(error.getString("message").contains("no operation makeRoom; one of: *, webhooks, recordings, "
        + "getAccessToken, createNewUser"), error.getString("message"));
    assertEquals(1, error.getJsonArray("problems").size());
  }

  @Test
  void aTenantResetDropsItsRules() {
    addRule(new JsonObject().put("on", "getMe").put("respond", new JsonObject().put("status", 503)));
    kit.post("/_mock/tenants/" + t.clientId + "/reset", null, null).expect(200);
    assertEquals(200, getMe().status());
  }

  @Test
  void serverWideRulesReachEveryTenant() {
    JsonObject rule = kit.post("/_mock/faults", null, new JsonObject().put("on", "getMe")
        .put("respond", new JsonObject().put("status", 502))).expect(201).getJsonArray("items").getJsonObject(0);
    try {
      assertEquals(502, getMe().status());
      assertEquals(502, kit.get("/v1/users/me", kit.newTenant().token).status());
    } finally {
      kit.delete("/_mock/faults/" + rule.getString("id"), null).expect(200);
    }
    assertEquals(200, getMe().status());
  }

  @Test
  void aBadScenarioLoadsNothing() {
    addRule(new JsonObject().put("on", "getMe").put("respond", new JsonObject().put("status", 503)));
    JsonObject error = kit.post("/_mock/tenants/" + t.clientId + "/scenario", null, new JsonObject()
        .put("rules", new JsonArray(List.of(
            new JsonObject().put("on", "getSpaces").put("fault", "reset"),
            new JsonObject().put("on", "getMe").put("when", new JsonObject().put("nth", -1)).put("fault", "reset")))))
        .expect(400);
    assertEquals("line 1, field rules[1].when.nth: must be a positive integer", error.getString("message"));
    assertEquals(1, kit.get("/_mock/tenants/" + t.clientId + "/faults", null).expect(200).getInteger("total"),
        "the good first rule was not loaded either");
  }
}
