package io.livedigitalmock.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.livedigitalmock.server.domain.common.ApiError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the OpenAPI documents of {@code contracts/} that the build copies into the jar: the emulated
 * API ({@code openapi}) and the control plane ({@code openapi-control}), each as written (YAML) and as
 * JSON. Read and converted on first request, so a start that never asks pays nothing.
 */
final class OpenApiDocuments {

  static final String API = "openapi";
  static final String CONTROL = "openapi-control";

  private final Map<String, Buffer> served = new ConcurrentHashMap<>();

  void mount(Router r) {
    for (String name : new String[] {API, CONTROL}) {
      r.get("/" + name + ".yaml").handler(ctx -> send(ctx, "application/yaml; charset=utf-8", yaml(name)));
      r.get("/" + name + ".json").handler(ctx -> send(ctx, "application/json; charset=utf-8", json(name)));
    }
  }

  private static void send(RoutingContext ctx, String type, Buffer body) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, type).end(body);
  }

  private Buffer yaml(String name) {
    return served.computeIfAbsent(name + ".yaml", k -> Buffer.buffer(resource(name)));
  }

  private Buffer json(String name) {
    return served.computeIfAbsent(name + ".json", k -> {
      try {
        JsonNode tree = new YAMLMapper().readTree(resource(name));
        return Buffer.buffer(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(tree));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static byte[] resource(String name) {
    try (InputStream in = OpenApiDocuments.class.getResourceAsStream("/io/livedigitalmock/server/" + name + ".yaml")) {
      if (in == null) {
        throw new ApiError(ApiError.Status.NOT_FOUND, name + ".yaml is missing from this build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
