package io.livedigitalmock.server.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.support.MockJar;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar as a user starts it, {@code java -jar mock-server/target/livedigital-mock-server.jar},
 * in a process of its own: the ready line, the demo credentials, flags and environment variables.
 */
class MockJarIT {

  private static final Pattern READY = Pattern.compile("livedigital-mock listening on (http://127\\.0\\.0\\.1:(\\d+))");

  @Test
  void theJarStartsOnAFreePortAndPrintsAReadyDemoTenant() throws Exception {
    long started = System.nanoTime();
    try (MockJar mock = MockJar.start(List.of("--port", "0"), Map.of())) {
      String first = mock.nextLine();
      long readyNanos = System.nanoTime() - started;

      Matcher ready = READY.matcher(first);
      assertTrue(ready.matches(), "first line: " + first);
      int port = Integer.parseInt(ready.group(2));
      assertTrue(port > 0 && port <= 65535, "port " + port);
      String baseUrl = ready.group(1);
      assertEquals(200, healthStatus(baseUrl));
      long healthNanos = System.nanoTime() - started;
      given().baseUri(baseUrl).get("/_mock/health").then().statusCode(200).body("status", equalTo("UP"));
      System.out.printf("livedigital-mock jar: process start -> ready line %d ms, -> first health 200 %d ms%n",
          TimeUnit.NANOSECONDS.toMillis(readyNanos), TimeUnit.NANOSECONDS.toMillis(healthNanos));

      String client = mock.nextLine();
      String user = mock.nextLine();
      assertEquals("demo client: client_id=demo-client client_secret=demo-secret", client);
      assertTrue(user.matches("demo user: +username=demo@example\\.com password=demo-password \\(id [0-9a-f]{24}\\)"),
          user);
      login(baseUrl, "demo-client", "demo-secret", "demo@example.com", "demo-password");
      // the build copies contracts/openapi.yaml into the jar
      given().baseUri(baseUrl).get("/_mock/openapi.json").then().statusCode(200)
          .body("openapi", startsWith("3.1")).body("paths", hasKey("/v1/auth/token"));
    }
  }

  @Test
  void environmentVariablesSetThePortAndTheDemoTenant() throws Exception {
    Map<String, String> env = Map.of("LDMOCK_PORT", "0", "LDMOCK_CLIENT_ID", "it-client",
        "LDMOCK_CLIENT_SECRET", "it-secret", "LDMOCK_USER_EMAIL", "it@example.com", "LDMOCK_USER_PASSWORD", "it-pw");
    try (MockJar mock = MockJar.start(List.of(), env)) {
      Matcher ready = READY.matcher(mock.nextLine());
      assertTrue(ready.matches(), ready.toString());
      assertTrue(Integer.parseInt(ready.group(2)) != 8080, "LDMOCK_PORT=0 must pick a free port");

      assertEquals("demo client: client_id=it-client client_secret=it-secret", mock.nextLine());
      assertTrue(mock.nextLine().contains("username=it@example.com password=it-pw"));
      login(ready.group(1), "it-client", "it-secret", "it@example.com", "it-pw");
      given().baseUri(ready.group(1)).contentType(ContentType.JSON)
          .body(Map.of("client_id", "demo-client", "client_secret", "demo-secret", "grant_type", "client_credentials"))
          .post("/v1/auth/token").then().statusCode(401);
    }
  }

  @Test
  void aFlagOverridesTheEnvironment() throws Exception {
    try (MockJar mock = MockJar.start(List.of("--port", "0", "--client-id", "from-flag"),
        Map.of("LDMOCK_PORT", "1", "LDMOCK_CLIENT_ID", "from-env"))) {
      assertTrue(READY.matcher(mock.nextLine()).matches());
      assertTrue(mock.nextLine().startsWith("demo client: client_id=from-flag "));
    }
  }

  @Test
  void aBadFlagExitsWithStatus2AndSaysWhy() throws Exception {
    try (MockJar mock = MockJar.start(List.of("--port", "not-a-port"), Map.of())) {
      assertTrue(mock.process().waitFor(MockJar.LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS), "did not exit");
      assertEquals(2, mock.process().exitValue());
      String err = new String(mock.process().getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(err.contains("--port"), err);
    }
  }

  @Test
  void versionPrintsTheProjectVersionAndExits() throws Exception {
    try (MockJar mock = MockJar.start(List.of("--version"), Map.of())) {
      assertEquals("livedigital-mock " + io.livedigitalmock.server.Version.current(), mock.nextLine());
      assertTrue(mock.process().waitFor(MockJar.LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS), "did not exit");
      assertEquals(0, mock.process().exitValue());
    }
    assertTrue(io.livedigitalmock.server.Version.current().matches("\\d+\\.\\d+\\.\\d+.*"),
        io.livedigitalmock.server.Version.current());
  }

  @Test
  void verboseLogsOneLinePerRequest() throws Exception {
    try (MockJar mock = MockJar.start(List.of("--port", "0", "--verbose"), Map.of())) {
      Matcher ready = READY.matcher(mock.nextLine());
      assertTrue(ready.matches());
      String line = mock.nextLine();
      while (!line.startsWith("control plane:")) {
        line = mock.nextLine();
      }
      login(ready.group(1), "demo-client", "demo-secret", "demo@example.com", "demo-password");
      given().baseUri(ready.group(1)).get("/v1/spaces?secret=no").then().statusCode(401);
      assertTrue(mock.nextLine().matches("POST /v1/auth/token 200 [0-9.]+ms demo-client"), "token line");
      String spaces = mock.nextLine();
      assertTrue(spaces.matches("GET /v1/spaces 401 [0-9.]+ms -"), spaces + " (no query: links carry tokens there)");
    }
  }

  /** A plain GET, so the timing is the jar's and not the test client's warm-up. */
  private static int healthStatus(String baseUrl) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + "/_mock/health").toURL().openConnection();
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(10_000);
    try {
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }

  private static void login(String baseUrl, String clientId, String secret, String email, String password) {
    given().baseUri(baseUrl).contentType(ContentType.JSON)
        .body(Map.of("client_id", clientId, "client_secret", secret, "grant_type", "password",
            "username", email, "password", password))
        .post("/v1/auth/token").then().statusCode(200).body("token_type", equalTo("Bearer"));
  }
}
