package io.livedigitalmock.server;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The training run of the Docker image's build, not for users: the JVM runs it once with the
 * recording flags (JDK 25: {@code -XX:AOTCacheOutput}, its ahead-of-time cache; JDK 17:
 * {@code -XX:ArchiveClassesAtExit}, a CDS archive), so that each start of the image maps the classes
 * (and, on 25, their linking and profiles) instead of loading them again. It starts the server
 * in-process on a free loopback port, makes the requests a test suite's first seconds make (health,
 * tokens, spaces, rooms, a link and its page, the control plane, the usual errors, the health probe
 * of {@code --healthcheck}), stops it and exits. Same class path as the image's {@code -jar}.
 */
public final class ImageTraining {

  private static final String LOGIN = "{\"grant_type\":\"password\",\"client_id\":\"demo-client\","
      + "\"client_secret\":\"demo-secret\",\"username\":\"demo@example.com\",\"password\":\"demo-password\"}";

  private ImageTraining() {
  }

  public static void main(String[] args) throws IOException {
    MockServer server = MockServer.start(MockConfig.parse(new String[] {"--port", "0", "--seed", "1"}, Map.of()));
    try {
      String base = server.baseUrl();
      call(base, "GET", "/_mock/health", null, null, 200);
      call(base, "POST", "/v1/auth/token", null,
          "{\"grant_type\":\"client_credentials\",\"client_id\":\"demo-client\",\"client_secret\":\"demo-secret\"}", 200);
      String token = new JsonObject(call(base, "POST", "/v1/auth/token", null, LOGIN, 200)).getString("access_token");
      call(base, "GET", "/v1/users/me", token, null, 200);
      String space = new JsonObject(call(base, "POST", "/v1/spaces", token, "{\"name\":\"training\"}", 201))
          .getString("id");
      call(base, "GET", "/v1/spaces", token, null, 200);
      JsonObject room = new JsonObject(call(base, "POST", "/v1/spaces/" + space + "/rooms", token,
          "{\"name\":\"training\",\"type\":\"lesson\"}", 201));
      String roomPath = "/v1/spaces/" + space + "/rooms/" + room.getString("id");
      call(base, "GET", roomPath, token, null, 200);
      call(base, "GET", "/v1/spaces/" + space + "/rooms", token, null, 200);
      call(base, "GET", "/v1/spaces/room-by-alias/" + room.getString("alias"), token, null, 200);
      call(base, "PUT", roomPath, token, "{\"name\":\"renamed\"}", 200);
      String link = new JsonObject(call(base, "POST", roomPath + "/generate-access", token,
          "{\"username\":\"Guest\",\"role\":\"user\"}", 200)).getString("url");
      call(base, "GET", URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery(), null, null, 200);
      call(base, "GET", roomPath, null, null, 401);
      call(base, "POST", "/v1/spaces", token, "{not json", 400);
      call(base, "GET", "/v1/no-such-route", token, null, 404);
      call(base, "POST", "/_mock/tenants", null, "{\"clientId\":\"training\"}", 201);
      call(base, "GET", "/_mock/tenants", null, null, 200);
      call(base, "GET", "/_mock/tenants/training/requests", null, null, 200);
      call(base, "POST", "/_mock/tenants/training/reset", null, "", 200);
      call(base, "GET", "/_mock/ui", null, null, 200);
    } finally {
      server.close();
    }
    System.exit(0);
  }

  /** One request, as {@code --healthcheck} makes its own (HttpURLConnection); the body of the answer. */
  private static String call(String base, String method, String path, String token, String body, int expected)
      throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
    c.setRequestMethod(method);
    c.setConnectTimeout(5000);
    c.setReadTimeout(5000);
    if (token != null) {
      c.setRequestProperty("Authorization", "Bearer " + token);
    }
    if (body != null) {
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = c.getOutputStream()) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = c.getResponseCode();
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (status != expected) {
        throw new IllegalStateException(method + " " + path + ": " + status + " " + answer);
      }
      return answer;
    }
  }
}
