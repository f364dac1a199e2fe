package io.livedigitalmock.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.support.RawHttp;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The control plane reads every secret and resets everything, so it answers only whom it should: a
 * request naming the mock by a loopback or configured host, not sent by another site's page, with
 * the control token when one is set; never a path that only normalizes to {@code /_mock}. The API,
 * the room page and the media files stay open to any host.
 */
class ControlPlaneSecurityTest {

  private static final String TOKEN = "s3cret-control-token";

  @Test
  void withAControlTokenEveryControlRouteButHealthNeedsIt() throws IOException {
    try (MockServer server = start("--control-token", TOKEN)) {
      int port = server.port();
      assertError(401, get(port, "/_mock/tenants", "Host: 127.0.0.1"));
      assertError(401, get(port, "/_mock/tenants", "Host: 127.0.0.1\r\nAuthorization: Bearer wrong"));
      assertError(401, post(port, "/_mock/reset", "Host: 127.0.0.1"));
      assertEquals(200, get(port, "/_mock/tenants", "Host: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN).status());
      assertEquals(200, get(port, "/_mock/health", "Host: 127.0.0.1").status());
      assertEquals(200, post(port, "/v1/auth/token", "Host: 127.0.0.1\r\nContent-Type: application/json",
          "{\"grant_type\":\"client_credentials\",\"client_id\":\"demo-client\",\"client_secret\":\"demo-secret\"}").status());
    }
  }

  @Test
  void theDashboardTakesTheTokenOnceInItsAddressAndThenFromItsStrictCookie() throws IOException {
    try (MockServer server = start("--control-token", TOKEN)) {
      int port = server.port();
      assertError(401, get(port, "/_mock/ui", "Host: 127.0.0.1"));
      assertError(401, get(port, "/_mock/ui?token=wrong", "Host: 127.0.0.1"));
      assertError(401, get(port, "/_mock/tenants?token=" + TOKEN, "Host: 127.0.0.1"));
      RawHttp.Answer kept = get(port, "/_mock/ui?token=" + TOKEN, "Host: 127.0.0.1");
      assertEquals(303, kept.status(), kept.toString());
      assertTrue(kept.header("set-cookie").contains("SameSite=Strict"), kept.toString());
      String cookie = "Cookie: " + kept.header("set-cookie").split(";")[0];
      assertEquals(200, get(port, "/_mock/ui", "Host: 127.0.0.1\r\n" + cookie).status());
      assertEquals(200, get(port, "/_mock/tenants", "Host: 127.0.0.1\r\n" + cookie).status());
      assertError(401, get(port, "/_mock/tenants", "Host: 127.0.0.1\r\nCookie: ldmock_control_token=wrong"));
    }
  }

  @Test
  void aBuiltInReceiverTakesDeliveriesWithoutTheToken() throws IOException {
    try (MockServer server = start("--control-token", TOKEN)) {
      RawHttp.Answer created = post(server.port(), "/_mock/receivers", "Host: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN);
      assertEquals(201, created.status(), created.toString());
      String id = io.vertx.core.json.Json.decodeValue(created.body(), io.vertx.core.json.JsonObject.class).getString("id");
      assertEquals(200, post(server.port(), "/_mock/receivers/" + id, "Host: 127.0.0.1", "{}").status());
      assertError(401, get(server.port(), "/_mock/receivers/" + id + "/requests", "Host: 127.0.0.1"));
    }
  }

  @Test
  void theControlPlaneCanBeSwitchedOffButHealth() throws IOException {
    try (MockServer server = start("--control-plane", "off")) {
      assertError(404, get(server.port(), "/_mock/tenants", "Host: 127.0.0.1"));
      assertError(404, post(server.port(), "/_mock/reset", "Host: 127.0.0.1"));
      assertEquals(200, get(server.port(), "/_mock/health", "Host: 127.0.0.1").status());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.1:%d", "localhost:%d", "LOCALHOST", "app.localhost:%d",
      "[::1]:%d", "127.1.2.3", "mock.test:8443", "Mock.Test"})
  void loopbackAndConfiguredHostsReachTheControlPlane(String host) throws IOException {
    try (MockServer server = start("--room-base-url", "https://mock.test:8443")) {
      assertEquals(200, get(server.port(), "/_mock/tenants", "Host: " + host.formatted(server.port())).status());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.example", "evil.example:%d", "192.168.1.10:%d", "localhost.evil.example", "10.0.0.1",
      "[::2]:%d", "127.0.0.1.evil.example"})
  void otherHostsAreRefusedAsDnsRebinding(String host) throws IOException {
    try (MockServer server = start()) {
      assertError(403, get(server.port(), "/_mock/tenants", "Host: " + host.formatted(server.port())));
      assertError(403, post(server.port(), "/_mock/reset", "Host: " + host.formatted(server.port())));
      assertEquals(201, post(server.port(), "/_mock/tenants", "Host: 127.0.0.1").status(), "no reset happened");
      assertEquals(200, get(server.port(), "/_mock/health", "Host: " + host.formatted(server.port())).status());
      assertError(401, get(server.port(), "/v1/spaces", "Host: " + host.formatted(server.port())));
      assertError(401, get(server.port(), "/room/abcdefghij", "Host: " + host.formatted(server.port())));
      assertError(404, get(server.port(), "/media/x/records/y.mp4?expires=1", "Host: " + host.formatted(server.port())));
    }
  }

  @Test
  void moreHostsMayBeAllowed() throws IOException {
    try (MockServer server = start("--allowed-hosts", "ldmock, ci-runner.internal")) {
      assertEquals(200, get(server.port(), "/_mock/tenants", "Host: ldmock:8080").status());
      assertEquals(200, get(server.port(), "/_mock/tenants", "Host: ci-runner.internal").status());
      assertError(403, get(server.port(), "/_mock/tenants", "Host: evil.example"));
    }
    try (MockServer server = start("--allowed-hosts", "*")) {
      assertEquals(200, get(server.port(), "/_mock/tenants", "Host: anything.example").status());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://evil.example", "null", "http://localhost:1", "https://127.0.0.1:%d"})
  void aPageOfAnotherOriginCannotUseTheControlPlane(String origin) throws IOException {
    try (MockServer server = start()) {
      String headers = "Host: 127.0.0.1:" + server.port() + "\r\nOrigin: " + origin.formatted(server.port());
      assertError(403, post(server.port(), "/_mock/reset", headers));
      assertError(403, get(server.port(), "/_mock/tenants", headers));
      assertEquals(201, post(server.port(), "/_mock/tenants", "Host: 127.0.0.1").status(), "no reset happened");
    }
  }

  @Test
  void theMocksOwnOriginMay() throws IOException {
    try (MockServer server = start()) {
      assertEquals(200, get(server.port(), "/_mock/tenants",
          "Host: 127.0.0.1:" + server.port() + "\r\nOrigin: http://127.0.0.1:" + server.port()).status());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/../_mock/reset", "/v1/%2e%2e/_mock/reset", "/v1/%2E%2E/_mock/reset", "/v1/.%2e/_mock/reset",
      "//_mock/reset", "///_mock/reset", "/v1/..\\_mock/reset", "/v1/..%5c_mock/reset", "/v1/..%5C_mock/reset",
      "/%5fmock/reset", "/%5Fmock/reset", "/./_mock/reset", "/_mock/./reset", "/_mock/x/../reset", "/v1%2f..%2f_mock/reset"})
  void noPathButALiteralOneReachesTheControlPlane(String path) throws IOException {
    try (MockServer server = start()) {
      RawHttp.Answer answer = post(server.port(), path, "Host: 127.0.0.1");
      assertTrue(answer.status() == 400 || answer.status() == 404, path + " -> " + answer);
      assertTrue(answer.isJsonError(), answer.toString());
      assertEquals(201, post(server.port(), "/_mock/tenants", "Host: 127.0.0.1").status(), "no reset happened");
      int tenants = io.vertx.core.json.Json.decodeValue(get(server.port(), "/_mock/tenants", "Host: 127.0.0.1").body(),
          io.vertx.core.json.JsonObject.class).getInteger("total");
      assertEquals(3, tenants, path + " reset nothing: demo, SDK examples, and the one just made");
    }
  }

  private static MockServer start(String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "--port";
    args[1] = "0";
    System.arraycopy(options, 0, args, 2, options.length);
    return MockServer.start(MockConfig.parse(args, Map.of()));
  }

  private static RawHttp.Answer get(int port, String path, String headers) throws IOException {
    return RawHttp.send(port, "GET " + path + " HTTP/1.1\r\n" + headers + "\r\nConnection: close\r\n\r\n", 10_000);
  }

  private static RawHttp.Answer post(int port, String path, String headers) throws IOException {
    return post(port, path, headers, "");
  }

  private static RawHttp.Answer post(int port, String path, String headers, String body) throws IOException {
    return RawHttp.send(port, "POST " + path + " HTTP/1.1\r\n" + headers + "\r\nContent-Length: "
        + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body, 10_000);
  }

  private static void assertError(int status, RawHttp.Answer answer) {
    assertEquals(status, answer.status(), answer.toString());
    assertTrue(answer.isJsonError(), answer.toString());
  }
}
