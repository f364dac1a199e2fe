package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.auth.OAuthError;
import io.livedigitalmock.server.domain.common.ApiError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that writes JSON answers and errors, so every error looks the same:
 * {@code {"statusCode","error","message"}} (NestJS's shape), plus OAuth2's {@code error} code and
 * {@code error_description} for token-endpoint errors.
 */
public final class Responses {

  private static final Logger LOG = Logger.getLogger(Responses.class.getName());

  private Responses() {
  }

  public static void json(RoutingContext ctx, int status, Object body) {
    json(ctx, status, WireJson.encode(body));
  }

  /** An answer whose JSON is already encoded. */
  static void json(RoutingContext ctx, int status, Buffer encoded) {
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8");
    send(ctx, encoded);
  }

  /** Ends the answer with {@code body}, or with it spoiled if a fault rule said so ({@link BodyFault}). */
  public static void send(RoutingContext ctx, Buffer body) {
    if (!BodyFault.intercept(ctx, body)) {
      ctx.response().end(body);
    }
  }

  public static void ok(RoutingContext ctx, Object body) {
    json(ctx, 200, body);
  }

  public static void created(RoutingContext ctx, Object body) {
    json(ctx, 201, body);
  }

  /** An empty 200, for actions the guide answers with "code 200" and no body. */
  public static void okEmpty(RoutingContext ctx) {
    ctx.response().setStatusCode(200);
    send(ctx, Buffer.buffer());
  }

  /** The list envelope of the API: {@code {"items":[...],"total":N}} [guide, sdk]. */
  public static <T> JsonObject page(List<T> items, Function<T, JsonObject> view) {
    JsonArray array = new JsonArray();
    items.forEach(i -> array.add(view.apply(i)));
    return new JsonObject().put("items", array).put("total", items.size());
  }

  /** The error shape for a request the router never saw (it did not parse); the connection closes after. */
  public static void raw(io.vertx.core.http.HttpServerResponse response, int status, String message) {
    if (response.ended() || response.headWritten()) {
      return;
    }
    response.setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(errorBody(status, reason(status), message).encode());
  }

  public static JsonObject errorBody(int status, String reason, String message) {
    return new JsonObject().put("statusCode", status).put("error", reason).put("message", message);
  }

  /** The router's failure handler: renders whatever failed, never a stack trace. */
  public static void failure(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    Throwable failure = ctx.failure();
    boolean undecodable = isUndecodable(failure);
    if (undecodable) {
      // the request's own bytes did not decode (a form body with a bad escape, a chunk size that is
      // not hex): the client's fault; the connection cannot be trusted for a next request
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      failure = ctx.request().path().equals("/v1/auth/token")
          ? OAuthError.invalidRequest("Malformed request body") : ApiError.badRequest("Malformed request body");
    }
    if (failure instanceof ApiError e) {
      json(ctx, e.status().code, errorBody(e.status().code, e.status().reason, e.getMessage()));
    } else if (failure instanceof OAuthError e) {
      json(ctx, e.status().code, new JsonObject()
          .put("statusCode", e.status().code)
          .put("error", e.code())
          .put("error_description", e.getMessage())
          .put("message", e.getMessage()));
    } else if (failure == null || failure instanceof io.vertx.ext.web.handler.HttpException) {
      int status = failure == null ? ctx.statusCode()
          : ((io.vertx.ext.web.handler.HttpException) failure).getStatusCode();
      status = status < 400 ? 400 : status;
      json(ctx, status, errorBody(status, reason(status), message(status)));
    } else {
      LOG.log(Level.WARNING, "unexpected failure on " + ctx.request().method() + " " + ctx.request().path(),
          failure);
      json(ctx, 500, errorBody(500, "Internal Server Error", "Unexpected error"));
    }
    if (undecodable) {
      // now, not after: where Netty's codec failed (a broken chunk) Vert.x closes the connection as
      // soon as this returns, dropping an answer not yet flushed; closing first sends it
      ctx.request().connection().close();
    }
  }

  /**
   * Thrown while Netty decoded the request (its form body, its chunks), not by the mock's code: the
   * first frame of either kind decides.
   */
  private static boolean isUndecodable(Throwable failure) {
    if (failure instanceof io.netty.handler.codec.DecoderException) {
      return true;
    }
    for (StackTraceElement frame : failure == null ? new StackTraceElement[0] : failure.getStackTrace()) {
      if (frame.getClassName().startsWith("io.livedigitalmock.")) {
        return false;
      }
      if (frame.getClassName().startsWith("io.netty.handler.codec.http.")) {
        return true;
      }
    }
    return false;
  }

  static String reason(int status) {
    for (ApiError.Status s : ApiError.Status.values()) {
      if (s.code == status) {
        return s.reason;
      }
    }
    return switch (status) {
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 500 -> "Internal Server Error";
      default -> io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
    };
  }

  private static String message(int status) {
    return switch (status) {
      case 404 -> "No such route";
      case 405 -> "Method not allowed on this route";
      case 413 -> "Request body too large";
      default -> reason(status);
    };
  }
}
