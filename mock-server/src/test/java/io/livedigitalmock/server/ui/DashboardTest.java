package io.livedigitalmock.server.ui;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.TestRoom;
import io.livedigitalmock.server.support.TestTenant;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /_mock/ui}: readable without JavaScript; its buttons are form posts that redirect back. */
@ExtendWith(MockServerExtension.class)
class DashboardTest {

  @Test
  void theOverviewListsTenantsAndCannotBeFramedByOtherSites(TestTenant t) {
    page(t).get("/_mock/ui").then().statusCode(200).contentType(containsString("text/html"))
        .header("X-Frame-Options", "SAMEORIGIN").header("Cache-Control", "no-store")
        .body(containsString(">" + t.clientId() + "</a>"));
  }

  @Test
  void theTenantPageShowsRoomsLinksAndWhoIsInEscaped(TestTenant t) {
    String owner = t.owner().accessToken();
    String space = t.createSpace(owner, true);
    String roomId = t.as(owner).body(Map.of("name", "<b>Algebra</b>")).post("/v1/spaces/{s}/rooms", space)
        .then().statusCode(201).extract().path("id");
    t.as(owner).body(Map.of("username", "Ann & Bob", "role", "user"))
        .post("/v1/spaces/{s}/rooms/{r}/generate-access", space, roomId).then().statusCode(200);
    t.anonymous().body(Map.of("name", "Cleo")).post("/_mock/rooms/{r}/participants", roomId).then().statusCode(201);

    page(t).get("/_mock/ui/tenants/{c}", t.clientId()).then().statusCode(200)
        .body(containsString("&lt;b&gt;Algebra&lt;/b&gt;")).body(not(containsString("<b>Algebra</b>")))
        .body(containsString("Ann &amp; Bob")).body(containsString("Cleo"))
        .body(containsString("action=\"/_mock/ui/rooms/" + roomId + "/end-call\""));
  }

  @Test
  void buttonsActLikeTheSimulationAndRedirectBackWithANotice(TestTenant t) {
    TestRoom room = t.createRoom(t.owner().accessToken(), t.createSpace(t.owner().accessToken(), true), true);

    Response joined = page(t).formParam("name", "Ann").formParam("role", "moderator")
        .post("/_mock/ui/rooms/{r}/join", room.id());

    joined.then().statusCode(303).header("Location", startsWith("/_mock/ui/tenants/" + t.clientId() + "?notice="));
    t.anonymous().get("/_mock/rooms/{r}", room.id()).then().body("participants[0].name", equalTo("Ann"))
        .body("participants[0].role", equalTo("moderator"));
    page(t).get(joined.header("Location")).then().statusCode(200).body(containsString("joined: Ann"));

    page(t).post("/_mock/ui/rooms/{r}/recording/start", room.id()).then().statusCode(303);
    t.anonymous().get("/_mock/rooms/{r}", room.id()).then().body("activeRecording.state", equalTo("started"));
    page(t).post("/_mock/ui/rooms/{r}/end-call", room.id()).then().statusCode(303);
    t.anonymous().get("/_mock/rooms/{r}", room.id()).then().body("activeCall", nullValue())
        .body("activeRecording", nullValue());

    Response refused = page(t).post("/_mock/ui/rooms/{r}/end-call", room.id());
    refused.then().statusCode(303);
    page(t).get(refused.header("Location")).then().body(containsString("refused (409): No active call in this room"));
  }

  @Test
  void deliveriesShowPayloadSignatureAttemptAndOutcome(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);
    String receiver = t.anonymous().body(Map.of("responses", java.util.List.of(500, 200)))
        .post("/_mock/receivers").then().statusCode(201).extract().path("url");
    t.as(owner).body(Map.of("url", receiver)).post("/v1/spaces/{s}/webhook", room.spaceId()).then().statusCode(201);
    t.anonymous().body(Map.of("name", "Ann")).post("/_mock/rooms/{r}/participants", room.id()).then().statusCode(201);
    String signature = t.anonymous().queryParam("eventName", "call_started").queryParam("outcome", "delivered")
        .queryParam("timeoutMs", Duration.ofSeconds(10).toMillis())
        .get("/_mock/webhooks/deliveries/next").then().statusCode(200).extract().path("signature");

    String html = page(t).get("/_mock/ui/tenants/{c}", t.clientId()).then().statusCode(200).extract().asString();

    assertTrue(html.contains("<code class=\"wrap\">" + signature + "</code>"), "the signature is shown");
    assertTrue(html.contains("&quot;eventName&quot;:&quot;call_started&quot;"), "the payload is shown");
    assertTrue(html.contains("1 of 3") && html.contains("2 of 3"), "both attempts are shown");
    assertTrue(html.contains(">retrying</span>") && html.contains(">delivered</span>"), "with their outcomes");
  }

  /** The request journal: what the app sent (secrets masked), the operation, the answer, a fault that fired. */
  @Test
  void requestsShowWhatTheAppSentAndWhichFaultAnsweredIt(TestTenant t) {
    String owner = t.owner().accessToken();
    t.control().body(Map.of("on", "createSpace", "respond", Map.of("status", 503)))
        .post("/faults").then().statusCode(201);
    t.as(owner).body(Map.of("name", "Refused")).post("/v1/spaces").then().statusCode(503);
    t.as(owner).get("/v1/no-such-route").then().statusCode(404);

    String html = page(t).get("/_mock/ui/tenants/{c}", t.clientId()).then().statusCode(200).extract().asString();

    assertTrue(html.contains("<h2>Requests</h2>"), "a requests section");
    assertTrue(html.contains("/v1/spaces</span>") && html.contains("createSpace"), "the request and its operation");
    assertTrue(html.contains("&quot;name&quot;:&quot;Refused&quot;"), "its body");
    assertTrue(html.contains(">503</span>") && html.contains("respond 503"), "the answer and the fault behind it");
    assertTrue(html.contains("unknown route"), "an unknown route is marked");
    assertTrue(!html.contains(owner), "the bearer token is not shown");
  }

  /** Where the control plane needs a token, a browser brings it once; it is kept for /_mock only. */
  @Test
  void aControlTokenInTheAddressIsKeptInAStrictCookieAndDropped(TestTenant t) {
    Response answer = page(t).get("/_mock/ui?token=s3cret");

    answer.then().statusCode(303).header("Location", "/_mock/ui");
    String cookie = answer.header("Set-Cookie");
    assertTrue(cookie.startsWith(ControlTokenCookie.NAME + "=s3cret"), cookie);
    assertTrue(cookie.contains("Path=/_mock"), cookie);
    assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
  }

  private static RequestSpecification page(TestTenant t) {
    return RestAssured.given().baseUri(t.baseUrl()).urlEncodingEnabled(false).accept("text/html").redirects().follow(false);
  }
}
