package io.livedigitalmock.pact.provider;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A deliberately wrong livedigital: forwards everything to the mock but renames one field in one kind
 * of answer ({@code alias} to {@code roomAlias} in what createRoom answers), as a provider that broke
 * its contract would.
 */
final class FieldRenamingProxy implements AutoCloseable {

  private static final Pattern CREATE_ROOM = Pattern.compile("^/v1/spaces/[^/]+/rooms$");

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client;
  private final HttpServer server;
  private final int targetPort;

  FieldRenamingProxy(int targetPort) throws Exception {
    this.targetPort = targetPort;
    this.client = vertx.createHttpClient();
    this.server = vertx.createHttpServer().requestHandler(this::forward).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  private void forward(HttpServerRequest in) {
    in.body().compose(body -> client.request(in.method(), targetPort, "127.0.0.1", in.uri()).compose(out -> {
      in.headers().forEach((name, value) -> out.putHeader(name, value));
      return out.send(body);
    })).compose(answer -> answer.body().map(bytes -> rewrite(in, answer, bytes)).compose(bytes -> {
      answer.headers().forEach((name, value) -> {
        if (!name.equalsIgnoreCase("content-length")) {
          in.response().putHeader(name, value);
        }
      });
      return in.response().setStatusCode(answer.statusCode()).end(bytes);
    })).onFailure(e -> {
      if (!in.response().ended()) {
        in.response().setStatusCode(502).end(String.valueOf(e));
      }
    });
  }

  private static Buffer rewrite(HttpServerRequest in, HttpClientResponse answer, Buffer bytes) {
    if (!in.method().name().equals("POST") || !CREATE_ROOM.matcher(in.path()).matches() || answer.statusCode() != 201) {
      return bytes;
    }
    JsonObject room = bytes.toJsonObject();
    room.put("roomAlias", room.remove("alias"));
    return room.toBuffer();
  }

  @Override
  public void close() {
    Future.await(vertx.close());
  }
}
