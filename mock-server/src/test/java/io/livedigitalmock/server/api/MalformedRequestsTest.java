package io.livedigitalmock.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.RawHttp;
import io.livedigitalmock.server.support.TestRoom;
import io.livedigitalmock.server.support.TestTenant;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests broken below the level of JSON fields: no Host, a charset nobody knows, dates past what
 * java.time holds, percent escapes that decode to nothing, request lines that are not HTTP. Each
 * gets a 4xx with the JSON error shape, never a 500 or an empty body.
 */
@ExtendWith(MockServerExtension.class)
class MalformedRequestsTest {

  @Test
  void anHttp11RequestWithoutHostIs400(MockServer server) throws IOException {
    RawHttp.Answer answer = RawHttp.send(server.port(), "GET /_mock/health HTTP/1.1\r\nConnection: close\r\n\r\n", 5_000);
    assertError(400, answer);
    assertTrue(answer.body().contains("Host"), answer.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/x-www-form-urlencoded; charset=foo", "application/json; charset=utf-99"})
  void aCharsetNobodyKnowsIs415(String contentType, MockServer server, TestTenant t) throws IOException {
    String body = "grant_type=client_credentials&client_id=" + t.clientId() + "&client_secret=" + t.clientSecret();
    assertError(415, post(server, "/v1/auth/token", contentType, body));
  }

  @Test
  void aCharsetNobodyKnowsIs415AtABuiltInReceiverToo(MockServer server) throws IOException {
    String receiver = io.restassured.RestAssured.given().baseUri(server.baseUrl()).post("/_mock/receivers")
        .then().statusCode(201).extract().path("id");
    assertError(415, post(server, "/_mock/receivers/" + receiver, "text/plain; charset=foo", "hello"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"%2B1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "%2B999999999-12-31",
      "9999999999", "2023-02-30"})
  void aDateBeyondTheCalendarIs400(String date, MockServer server, TestTenant t) throws IOException {
    String token = t.owner().accessToken();
    TestRoom room = t.createRoom(token, t.createSpace(token, true), true);
    RawHttp.Answer answer = RawHttp.send(server.port(), "GET /v1/spaces/" + room.spaceId() + "/analytics/calls?roomId="
        + room.id() + "&date=" + date + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
        + "\r\nConnection: close\r\n\r\n", 5_000);
    if (answer.status() == 200) {
      assertEquals("{\"items\":[]}", answer.body(), date + " is a real day, with no calls");
    } else {
      assertError(400, answer);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/_mock/receivers/abc/requests?eventName=%G1", "/_mock/tenants/demo-client/links?x=%",
      "/_mock/rooms/abc?x=%zz", "/_mock/tenants/%zz/reset", "/_mock/tenants/%", "/v1/spaces/abc?x=%G1",
      "/room/abc?accessToken=%zz", "/media/x/records/y.mp4?expires=%"})
  void aBadPercentEscapeIs400(String path, MockServer server) throws IOException {
    assertError(400, RawHttp.send(server.port(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
        5_000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GARBAGE\r\n\r\n", "GET /v1/spaces HTTP/9.9\r\nHost: x\r\n\r\n",
      "GET /v1/spaces HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n", "\u0000\u0001\u0002 / HTTP/1.1\r\n\r\n"})
  void malformedHttpGetsAJsonAnswer(String request, MockServer server) throws IOException {
    RawHttp.Answer answer = RawHttp.send(server.port(), request, 5_000);
    assertTrue(answer.status() >= 400 && answer.status() < 500, answer.toString());
    assertTrue(answer.isJsonError(), answer.toString());
  }

  @Test
  void aRequestLineTooLongIs414AndHeadersTooLargeAre431(MockServer server) throws IOException {
    assertError(414, RawHttp.send(server.port(), "GET /v1/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 5_000));
    assertError(431, RawHttp.send(server.port(), "GET /v1/spaces HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000)
        + "\r\n\r\n", 5_000));
  }

  @Test
  void anHttp11RequestWhoseHostDoesNotParseIs400OnEveryKindOfRoute(MockServer server) throws IOException {
    for (String host : new String[] {"localhost:abc", "localhost:-1", "localhost:99999999999", "[::1", "a b"}) {
      for (String path : new String[] {"/_mock/health", "/v1/users/me", "/room/x", "/nope"}) {
        assertError(400, RawHttp.send(server.port(), "GET " + path + " HTTP/1.1\r\nHost: " + host
            + "\r\nConnection: close\r\n\r\n", 5_000));
      }
    }
  }

  @Test
  void aChunkedBodyWhoseFramingBreaksIs400AndTheConnectionCloses(MockServer server) throws IOException {
    for (String path : new String[] {"/v1/spaces", "/v1/auth/token", "/_mock/tenants"}) {
      for (String chunks : new String[] {"zz\r\nabc\r\n0\r\n\r\n", "1\r\n{}\r\n0\r\n\r\n"}) {
        RawHttp.Answer answer = RawHttp.send(server.port(), "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks, 5_000);
        assertEquals(400, answer.status(), path + " " + answer);
        assertTrue(answer.body().contains("Malformed request body"), answer.toString());
        assertEquals("close", answer.header("connection"), answer.toString());
        assertTrue(answer.closed(), answer.toString());
      }
    }
  }

  private static RawHttp.Answer post(MockServer server, String path, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return RawHttp.send(server.port(), "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body, 5_000);
  }

  private static void assertError(int status, RawHttp.Answer answer) {
    assertEquals(status, answer.status(), answer.toString());
    assertTrue(answer.isJsonError(), "JSON error shape: " + answer);
  }
}
