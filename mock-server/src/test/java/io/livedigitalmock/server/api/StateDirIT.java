package io.livedigitalmock.server.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.support.MockJar;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar with {@code --state-dir}, stopped as processes are: SIGTERM saves the last change; SIGKILL
 * in the middle of saves (every 20 ms, writes going on) never leaves a file the next start cannot load.
 */
class StateDirIT {

  private static final Pattern READY = Pattern.compile("livedigital-mock listening on (http://127\\.0\\.0\\.1:\\d+)");

  @TempDir
  Path dir;

  @Test
  void aCleanStopSavesTheLastChange() throws Exception {
    String spaceId;
    try (MockJar mock = MockJar.start(List.of("--port", "0", "--state-dir", dir.toString(),
        "--state-save-interval", "3600"), Map.of())) {
      String base = ready(mock);
      spaceId = createSpace(base);
      mock.process().destroy();   // SIGTERM, as docker stop sends
      assertTrue(mock.process().waitFor(20, TimeUnit.SECONDS), "did not stop");
    }
    assertTrue(Files.readString(dir.resolve("state.json")).contains(spaceId), "saved on the way out");
    try (MockJar mock = MockJar.start(List.of("--port", "0", "--state-dir", dir.toString()), Map.of())) {
      String base = ready(mock);
      String state = nextLineStartingWith(mock, "state: ");
      assertTrue(state.matches("state: .*state\\.json \\(loaded \\d+ tenants saved at .*\\)"), state);
      given().baseUri(base).auth().oauth2(userToken(base)).get("/v1/spaces/{s}", spaceId).then().statusCode(200);
    }
  }

  @Test
  void killedMidSaveTheNextStartStillLoads() throws Exception {
    List<String> made = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      try (MockJar mock = MockJar.start(List.of("--port", "0", "--state-dir", dir.toString(),
          "--state-save-interval", "0.02"), Map.of())) {
        String base = ready(mock);
        for (String earlier : made) {   // what an earlier round saw saved is there
          given().baseUri(base).get("/_mock/tenants/{c}", earlier).then().statusCode(200);
        }
        long until = System.nanoTime() + (200 + 150L * round) * 1_000_000L;
        String last = null;
        while (System.nanoTime() < until) {
          last = given().baseUri(base).contentType(ContentType.JSON).body(Map.of()).post("/_mock/tenants").then()
              .statusCode(201).extract().path("clientId");
        }
        waitUntilSaved(last);
        made.add(last);
        createSpace(base);   // more writes: the kill comes while saves go on
        mock.process().destroyForcibly();   // SIGKILL: no shutdown hook, no last save
        assertTrue(mock.process().waitFor(20, TimeUnit.SECONDS));
        assertEquals(137, mock.process().exitValue());
      }
    }
    try (MockJar mock = MockJar.start(List.of("--port", "0", "--state-dir", dir.toString()), Map.of())) {
      String base = ready(mock);
      for (String earlier : made) {
        given().baseUri(base).get("/_mock/tenants/{c}", earlier).then().statusCode(200);
      }
    }
  }

  private void waitUntilSaved(String clientId) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!Files.readString(dir.resolve("state.json")).contains("\"" + clientId + "\"")) {
      assertTrue(System.nanoTime() < deadline, clientId + " not saved within 10 s");
      Thread.sleep(10);   // polling a file: nothing to await on
    }
  }

  private static String ready(MockJar mock) throws InterruptedException {
    String line = mock.nextLine();
    Matcher ready = READY.matcher(line);
    assertTrue(ready.matches(), "not started: " + line + " " + stderr(mock));
    return ready.group(1);
  }

  private static String stderr(MockJar mock) {
    try {
      return mock.process().isAlive() ? "" : new String(mock.process().getErrorStream().readAllBytes());
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private static String nextLineStartingWith(MockJar mock, String prefix) throws InterruptedException {
    String line = mock.nextLine();
    while (!line.startsWith(prefix)) {
      line = mock.nextLine();
    }
    return line;
  }

  private static String userToken(String base) {
    return given().baseUri(base).contentType(ContentType.JSON).body(Map.of("client_id", "demo-client",
            "client_secret", "demo-secret", "grant_type", "password", "username", "demo@example.com",
            "password", "demo-password"))
        .post("/v1/auth/token").then().statusCode(200).extract().path("access_token");
  }

  private static String createSpace(String base) {
    return given().baseUri(base).auth().oauth2(userToken(base)).contentType(ContentType.JSON)
        .body(Map.of("name", "kept")).post("/v1/spaces").then().statusCode(201).extract().path("id");
  }
}
