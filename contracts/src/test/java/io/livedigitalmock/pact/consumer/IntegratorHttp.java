package io.livedigitalmock.pact.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an integration calls livedigital: JSON over HTTP with a bearer token, as the guide's curl
 * samples do. The consumer tests drive the integrator's flows through it against Pact's mock server.
 */
final class IntegratorHttp {

  /** An answer: the status, its Content-Type and the body as text (JSON through {@link #json()}). */
  record Answer(int status, String contentType, byte[] bytes) {

    String text() {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + text(), e);
      }
    }

    String field(String name) {
      return json().path(name).asText();
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, String> headers = new LinkedHashMap<>();

  IntegratorHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A header sent with every request from now on (the SDK apps' {@code x-cl-id}, say). */
  IntegratorHttp always(String name, String value) {
    headers.put(name, value);
    return this;
  }

  Answer get(String path, String bearer) {
    return send("GET", path, null, bearer);
  }

  Answer post(String path, Object body, String bearer) {
    return send("POST", path, body, bearer);
  }

  Answer put(String path, Object body, String bearer) {
    return send("PUT", path, body, bearer);
  }

  Answer delete(String path, String bearer) {
    return send("DELETE", path, null, bearer);
  }

  Answer send(String method, String path, Object body, String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
    headers.forEach(request::header);
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      if (body != null) {
        request.setHeader("Content-Type", "application/json");
      }
      request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
