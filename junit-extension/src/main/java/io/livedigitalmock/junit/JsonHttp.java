package io.livedigitalmock.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON over {@link HttpClient} to one mock: the only place that speaks HTTP. Bodies are Jackson
 * trees; any answer outside 2xx becomes a {@link LivedigitalMockException}. One per server, shared
 * by every handle on it (HttpClient is thread-safe and pools connections). Control-plane requests
 * carry the server's control token, when it has one.
 */
final class JsonHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** A whole state (thousands of tenants) takes longer than one request. */
  static final Duration STATE_TIMEOUT = Duration.ofMinutes(2);
  /** Marks the requests the handle makes itself (the server's RecordedRequest.HANDLE_HEADER). */
  static final String HANDLE_HEADER = "X-Livedigital-Mock-Handle";

  private final String baseUrl;
  private final String controlToken;
  private final HttpClient client;

  /** {@code controlToken}: what {@code /_mock} requires ({@code --control-token}), or null. */
  JsonHttp(String baseUrl, String controlToken) {
    this.baseUrl = baseUrl;
    this.controlToken = controlToken;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  String baseUrl() {
    return baseUrl;
  }

  String controlToken() {
    return controlToken;
  }

  /** A new random control token for a server the extension starts. */
  static String newControlToken() {
    byte[] bytes = new byte[24];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.HexFormat.of().formatHex(bytes);
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** The field as text, or null when it is absent or JSON null. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The field as an instant, or null. */
  static java.time.Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    return value == null ? null : java.time.Instant.parse(value);
  }

  /** A JSON object as a map (insertion order kept), for JDK-typed results. */
  static java.util.Map<String, Object> map(JsonNode node) {
    return JSON.convertValue(node, new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() {
    });
  }

  /** Parses a JSON text (a request body the mock recorded) into a map; empty if it is not an object. */
  static java.util.Map<String, Object> parseObject(String json) {
    if (json == null) {
      return java.util.Map.of();
    }
    try {
      JsonNode node = JSON.readTree(json);
      return node != null && node.isObject() ? map(node) : java.util.Map.of();
    } catch (JsonProcessingException e) {
      return java.util.Map.of();
    }
  }

  JsonNode get(String path, String bearer) {
    return send("GET", path, null, bearer, REQUEST_TIMEOUT, false).orElseThrow();
  }

  JsonNode post(String path, Object body, String bearer) {
    return send("POST", path, body, bearer, REQUEST_TIMEOUT, false).orElseThrow();
  }

  JsonNode put(String path, Object body, String bearer) {
    return send("PUT", path, body, bearer, REQUEST_TIMEOUT, false).orElseThrow();
  }

  /** POST of a text body (a scenario in YAML or JSON). */
  JsonNode postText(String path, String text) {
    return send("POST", path, new RawText(text, "application/yaml"), null, REQUEST_TIMEOUT, false).orElseThrow();
  }

  /** PUT of a JSON text as it is (a state file). */
  JsonNode putJsonText(String path, String json) {
    return send("PUT", path, new RawText(json, "application/json"), null, STATE_TIMEOUT, false).orElseThrow();
  }

  /** GET of a JSON answer as its text, byte for byte (a state file). */
  String getText(String path) {
    return sendForText("GET", path);
  }

  /** A body sent as it is, not written as JSON. */
  private record RawText(String text, String contentType) {
  }

  JsonNode delete(String path, String bearer) {
    return send("DELETE", path, null, bearer, REQUEST_TIMEOUT, false).orElseThrow();
  }

  /** A long-poll: the item, or empty when nothing came within the mock's {@code timeoutMs}. */
  Optional<JsonNode> poll(String path, Duration serverWait) {
    return send("GET", path, null, null, serverWait.plus(REQUEST_TIMEOUT), true);
  }

  /** GET of a URL that may be anywhere on the mock (an access link), sent to this mock. */
  JsonNode getAbsolute(URI uri) {
    return send("GET", uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), null,
        null, REQUEST_TIMEOUT, false).orElseThrow();
  }

  private String sendForText(String method, String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(STATE_TIMEOUT)
        .header("Accept", "application/json").header(HANDLE_HEADER, "1").method(method, HttpRequest.BodyPublishers.noBody());
    if (controlToken != null && path.startsWith("/_mock/")) {
      b.header("Authorization", "Bearer " + controlToken);
    }
    try {
      HttpResponse<String> response = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new LivedigitalMockException(response.statusCode(), method + " " + path, message(response.body()), null);
      }
      return response.body();
    } catch (IOException e) {
      throw new LivedigitalMockException(0, method + " " + path, "no answer from " + baseUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LivedigitalMockException(0, method + " " + path, "interrupted", e);
    }
  }

  private Optional<JsonNode> send(String method, String path, Object body, String bearer, Duration timeout,
                                  boolean notFoundIsEmpty) {
    String request = method + " " + path;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(timeout)
        .header("Accept", "application/json")
        // the mock's journal leaves the handle's own API requests out of what "the app" did, and faults spare them
        .header(HANDLE_HEADER, "1");
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    } else if (controlToken != null && path.startsWith("/_mock/")) {
      b.header("Authorization", "Bearer " + controlToken);
    }
    if (body instanceof RawText raw) {
      b.header("Content-Type", raw.contentType()).method(method, HttpRequest.BodyPublishers.ofString(raw.text()));
    } else if (body != null) {
      try {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("cannot write " + request + " body as JSON", e);
      }
    } else {
      b.method(method, method.equals("POST") || method.equals("PUT")
          ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
      if (method.equals("POST") || method.equals("PUT")) {
        b.header("Content-Type", "application/json");
      }
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new LivedigitalMockException(0, request, "no answer from " + baseUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LivedigitalMockException(0, request, "interrupted", e);
    }
    int status = response.statusCode();
    String text = new String(response.body(), StandardCharsets.UTF_8);
    if (status >= 200 && status < 300) {
      try {
        return Optional.of(text.isEmpty() ? object() : JSON.readTree(text));
      } catch (JsonProcessingException e) {
        throw new LivedigitalMockException(status, request, "answer is not JSON: " + abbreviate(text), e);
      }
    }
    String message = message(text);
    // the long-poll's "nothing within timeoutMs" is a 404 too; only its message tells it from "no such receiver"
    if (status == 404 && notFoundIsEmpty && message.startsWith("No matching")) {
      return Optional.empty();
    }
    throw new LivedigitalMockException(status, request, message, null);
  }

  private static String message(String text) {
    try {
      JsonNode error = JSON.readTree(text);
      for (String field : new String[] {"message", "error_description", "error"}) {
        if (error != null && error.hasNonNull(field)) {
          return error.get(field).asText();
        }
      }
    } catch (JsonProcessingException e) {
      // not JSON: quote it
    }
    return abbreviate(text);
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
