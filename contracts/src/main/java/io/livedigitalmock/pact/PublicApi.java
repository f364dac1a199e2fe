package io.livedigitalmock.pact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The livedigital REST API as an integration calls it: JSON over {@link HttpClient}, a bearer token
 * per call. Used to set up provider states through the public API, against the mock or the real
 * service alike. Any answer outside 2xx is an {@link IllegalStateException} naming the call and the
 * answer, so a state that cannot be set up says why.
 */
final class PublicApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String baseUrl;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  /** {@code baseUrl}: the host without {@code /v1}, e.g. {@code https://moodhood-api.livedigital.space}. */
  PublicApi(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** {@code POST /v1/auth/token} with the grant's fields; answers the whole token response. */
  JsonNode token(Map<String, String> grant) {
    return send("POST", "/v1/auth/token", JSON.valueToTree(grant), null);
  }

  JsonNode get(String path, String bearer) {
    return send("GET", path, null, bearer);
  }

  JsonNode post(String path, Object body, String bearer) {
    return send("POST", path, body == null ? null : JSON.valueToTree(body), bearer);
  }

  JsonNode delete(String path, String bearer) {
    return send("DELETE", path, null, bearer);
  }

  private JsonNode send(String method, String path, JsonNode body, String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
        .header("Accept", "application/json");
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body.toString()));
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + baseUrl + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
          + response.body());
    }
    String text = response.body();
    if (text == null || text.isBlank()) {
      return object();
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return JSON.getNodeFactory().textNode(text);
    }
  }
}
