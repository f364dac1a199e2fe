package io.livedigitalmock.server.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.TestRoom;
import io.livedigitalmock.server.support.TestTenant;
import io.livedigitalmock.server.support.TestUser;
import io.restassured.RestAssured;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The room page as a browser sees it (HTML): a link is checked on opening and used up on joining;
 * refusals are pages with the API's statuses; the session cookie works inside a cross-site iframe.
 * The JSON room page (opening joins) is {@link AccessLinksTest}'s.
 */
@ExtendWith(MockServerExtension.class)
class RoomPageTest {

  private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\">");
  private static final Pattern SESSION = Pattern.compile("name=\"session\" value=\"([0-9a-f]+)\"");

  @Test
  void openingALinkShowsTheRoomAndAJoinButtonAndUsesNothingUp(TestTenant t) {
    TestRoom room = publicRoom(t);
    String url = link(t, room, Map.of("username", "<Ann>", "role", "user"));

    Response page = browser(t).get(URI.create(url));

    page.then().statusCode(200).contentType(containsString("text/html"))
        .header("Content-Security-Policy", "frame-ancestors *")
        .header("X-Frame-Options", nullValue())
        .header("Cache-Control", "no-store")
        .body(containsString("&lt;Ann&gt;")).body(containsString("id=\"join\""));
    Cookie cookie = page.detailedCookie("accessToken");
    assertEquals(url.substring(url.indexOf("accessToken=") + 12), cookie.getValue());
    assertEquals("/room/" + room.alias(), cookie.getPath());
    assertTrue(cookie.isSecured(), "Secure");
    assertTrue(cookie.isHttpOnly(), "HttpOnly");
    assertEquals("None", cookie.getSameSite());
    assertTrue(page.header("Set-Cookie").contains("; Partitioned"), page.header("Set-Cookie"));
    t.control().get("/links").then().body("items[0].opens", equalTo(0));
    roomState(t, room).body("participants.size()", equalTo(0));
  }

  @Test
  void joiningUsesTheLinkUpStartsTheCallAndASecondOpenSaysUsed(TestTenant t) {
    TestRoom room = publicRoom(t);
    String url = link(t, room, Map.of("username", "Ann", "role", "user", "externalUserId", "lms-1"));
    Response page = browser(t).get(URI.create(url));

    Response joined = join(t, page, room);

    joined.then().statusCode(303);
    String call = joined.header("Location");
    assertTrue(call.startsWith("/room/" + room.alias() + "/call?participantId="), call);
    roomState(t, room).body("participants[0].name", equalTo("Ann"))
        .body("participants[0].externalUserId", equalTo("lms-1")).body("activeCall", not(nullValue()));
    t.control().get("/links").then().body("items[0].opens", equalTo(1));
    withSession(t, page).get(call).then().statusCode(200).body(containsString("id=\"leave\""))
        .body(containsString("Ann"));

    browser(t).get(URI.create(url)).then().statusCode(410).contentType(containsString("text/html"))
        .body(containsString("This link has already been used"));
    join(t, page, room).then().statusCode(410).body(containsString("already been used"));
    roomState(t, room).body("participants.size()", equalTo(1));
  }

  @Test
  void leavingEndsTheCallAndTheLeftPageCarriesTheRedirectAndTheMessage(TestTenant t) {
    String owner = t.owner().accessToken();
    String space = t.createSpace(owner, true);
    String roomId = t.as(owner).body(Map.of("name", "Lesson", "redirectUrl", "https://school.test/done?x=1&y=2"))
        .post("/v1/spaces/{s}/rooms", space).then().statusCode(201).extract().path("id");
    String alias = t.as(owner).get("/v1/spaces/{s}/rooms/{r}", space, roomId).then().extract().path("alias");
    TestRoom room = new TestRoom(space, roomId, alias, null);
    Response page = browser(t).get(URI.create(link(t, room, Map.of("username", "Ann", "role", "user"))));
    String participantId = join(t, page, room).header("Location").replaceAll(".*participantId=", "");

    Response left = withSession(t, page).redirects().follow(false).formParam("participantId", participantId)
        .post("/room/{a}/leave", alias);

    left.then().statusCode(303).header("Location", "/room/" + alias + "/left?participantId=" + participantId);
    roomState(t, room).body("activeCall", nullValue()).body("participants.size()", equalTo(0));
    browser(t).get(left.header("Location")).then().statusCode(200)
        .body(containsString("data-message=\"ld_finish_call\""))
        .body(containsString("data-redirect=\"https://school.test/done?x=1&amp;y=2\""))
        .body(containsString("<noscript><meta http-equiv=\"refresh\" content=\"0;url=https://school.test/done?x=1&amp;y=2\">"));
    withSession(t, page).accept("application/json").get("/room/{a}/call?participantId={p}", alias, participantId)
        .then().statusCode(200).body("inRoom", equalTo(false));
    withSession(t, page).get("/room/{a}/call?participantId={p}", alias, participantId)
        .then().statusCode(303).header("Location", containsString("/left?participantId="));
  }

  @Test
  void aRedirectUrlThatIsNotHttpIsNeverFollowed(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = publicRoom(t);
    t.as(owner).body(Map.of("redirectUrl", "javascript:alert(1)"))
        .put("/v1/spaces/{s}/rooms/{r}", room.spaceId(), room.id()).then().statusCode(200);
    Response page = browser(t).get(URI.create(link(t, room, Map.of("username", "Ann", "role", "user"))));
    String participantId = join(t, page, room).header("Location").replaceAll(".*participantId=", "");

    browser(t).get("/room/{a}/left?participantId={p}", room.alias(), participantId).then().statusCode(200)
        .body(containsString("data-redirect=\"\"")).body(not(containsString("javascript:alert")))
        .body(not(containsString("http-equiv")));
  }

  @Test
  void aJoinWithoutTheCookieIs401AsTheGuidesFaqDescribes(TestTenant t) {
    TestRoom room = publicRoom(t);
    Response page = browser(t).get(URI.create(link(t, room, Map.of("username", "Ann", "role", "user"))));

    browser(t).redirects().follow(false).formParam("session", session(page)).post("/room/{a}/join", room.alias())
        .then().statusCode(401).contentType(containsString("text/html")).body(containsString("cookie"));

    roomState(t, room).body("participants.size()", equalTo(0));
    t.control().get("/links").then().body("items[0].opens", equalTo(0));
  }

  @Test
  void aJoinFromAPageWhoseCookieAnotherLinkReplacedIs409(TestTenant t) {
    TestRoom room = publicRoom(t);
    Response ann = browser(t).get(URI.create(link(t, room, Map.of("username", "Ann", "role", "user"))));
    Response bob = browser(t).get(URI.create(link(t, room, Map.of("username", "Bob", "role", "user"))));

    browser(t).redirects().follow(false).cookie(bob.detailedCookie("accessToken"))
        .formParam("session", session(ann)).post("/room/{a}/join", room.alias())
        .then().statusCode(409).body(containsString("another link"));

    roomState(t, room).body("participants.size()", equalTo(0));
  }

  @Test
  void anExpiredLinkIsA410PageAndALinkForAnotherRoomA403Page(TestTenant t) {
    TestRoom room = publicRoom(t);
    TestRoom other = t.createRoom(t.owner().accessToken(), room.spaceId(), true);
    String url = link(t, room, Map.of("username", "Ann", "role", "user", "ttl", 60));

    browser(t).get(URI.create(url.replace("/room/" + room.alias(), "/room/" + other.alias())))
        .then().statusCode(403).contentType(containsString("text/html"));
    t.advanceClock(60);
    browser(t).get(URI.create(url)).then().statusCode(410).body(containsString("This link has expired"));
    browser(t).get(URI.create(url.replaceAll("accessToken=.*", "accessToken=garbage"))).then().statusCode(401)
        .contentType(containsString("text/html"));
  }

  @Test
  void aUserWithTheirRefreshTokenEntersAPrivateRoomOnlyWithARole(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), false);
    TestUser pupil = t.newUser("pupil");
    String open = "/room/" + room.alias() + "?participantName=Ivan%20Ivanov&refreshToken=" + pupil.refreshToken();

    browser(t).get(open).then().statusCode(403).contentType(containsString("text/html"));
    t.grantRole(owner, room, pupil.id(), "role_room_user").then().statusCode(200);
    Response page = browser(t).get(open);
    page.then().statusCode(200).body(containsString("Ivan Ivanov"));
    assertEquals("/room/" + room.alias(), page.detailedCookie("refreshToken").getPath());

    join(t, page, room).then().statusCode(303);

    roomState(t, room).body("participants[0].name", equalTo("Ivan Ivanov"))
        .body("participants[0].userId", equalTo(pupil.id())).body("participants[0].role", equalTo("user"));
  }

  @Test
  void theJsonRoomPageStillJoinsAtOnce(TestTenant t) {
    TestRoom room = publicRoom(t);
    String url = link(t, room, Map.of("username", "Ann", "role", "user"));

    RestAssured.given().urlEncodingEnabled(false).accept("application/json").get(URI.create(url))
        .then().statusCode(200).body("participantName", equalTo("Ann"));

    roomState(t, room).body("participants.size()", equalTo(1));
  }

  private static TestRoom publicRoom(TestTenant t) {
    String owner = t.owner().accessToken();
    return t.createRoom(owner, t.createSpace(owner, true), true);
  }

  private static String link(TestTenant t, TestRoom room, Map<String, ?> body) {
    return t.generateAccess(t.owner().accessToken(), room, body).then().statusCode(200).extract().path("url");
  }

  /** A browser: asks for HTML, keeps the link's query as it is, and does not follow redirects by itself. */
  private static RequestSpecification browser(TestTenant t) {
    return RestAssured.given().baseUri(t.baseUrl()).urlEncodingEnabled(false).accept(BROWSER_ACCEPT).redirects().follow(false);
  }

  /** A browser that has the page's cookies. */
  private static RequestSpecification withSession(TestTenant t, Response page) {
    RequestSpecification spec = browser(t);
    page.detailedCookies().forEach(spec::cookie);
    return spec;
  }

  /** Sends the page's join form as a browser would: every hidden field. */
  private static Response join(TestTenant t, Response page, TestRoom room) {
    RequestSpecification form = withSession(t, page);
    Matcher field = HIDDEN.matcher(page.asString());
    while (field.find()) {
      form.formParam(field.group(1), field.group(2).replace("&#39;", "'").replace("&quot;", "\"")
          .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
    }
    return form.post("/room/{a}/join", room.alias());
  }

  private static String session(Response page) {
    Matcher m = SESSION.matcher(page.asString());
    assertTrue(m.find(), "the page has a join form");
    return m.group(1);
  }

  private static io.restassured.response.ValidatableResponse roomState(TestTenant t, TestRoom room) {
    return t.anonymous().get("/_mock/rooms/{r}", room.id()).then().statusCode(200);
  }
}
