package io.livedigitalmock.browser;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The mock's API and control plane as the integrator's back end would call them: JSON over HTTP. */
final class MockApi {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  /** {@code base}: the address the integrator uses; generated links name it. */
  MockApi(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  /** A new tenant, its user logged in; answers {@code {clientId, …, token}}. */
  JsonObject tenant() throws IOException, InterruptedException {
    JsonObject tenant = post("/_mock/tenants", null, new JsonObject());
    JsonObject user = tenant.getJsonObject("user");
    String token = post("/v1/auth/token", null, new JsonObject().put("grant_type", "password")
        .put("client_id", tenant.getString("clientId")).put("client_secret", tenant.getString("clientSecret"))
        .put("username", user.getString("email")).put("password", user.getString("password")))
        .getString("access_token");
    return tenant.put("token", token);
  }

  JsonObject post(String path, String bearer, JsonObject body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body.encode())), bearer);
  }

  JsonObject get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
  }

  private JsonObject send(HttpRequest.Builder request, String bearer) throws IOException, InterruptedException {
    request.header("Content-Type", "application/json").header("Accept", "application/json")
        .timeout(Duration.ofSeconds(30));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpRequest built = request.build();
    HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError(built.method() + " " + built.uri() + " answered " + response.statusCode()
          + ": " + response.body());
    }
    return response.body().isEmpty() ? new JsonObject() : new JsonObject(response.body());
  }
}
