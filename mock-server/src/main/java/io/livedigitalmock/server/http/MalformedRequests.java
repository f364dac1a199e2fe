package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.common.ApiError;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests broken below the API's level, refused with the JSON error shape before any area sees
 * them: what Netty could not parse at all ({@link #invalid}; Vert.x's own answer has an empty body);
 * before the router ({@link #guard}), an HTTP version other than 1.0 and 1.1 and an HTTP/1.1 request
 * without a {@code Host} it can parse (the router fails on those with a 500); and, first on the router
 * ({@link #check}), a path or query string whose escapes decode to nothing and a {@code Content-Type} charset
 * the JVM does not know.
 */
public final class MalformedRequests {

  private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]*)");

  private MalformedRequests() {
  }

  /** The server's request handler: {@code router} gets what it can route. */
  public static Handler<HttpServerRequest> guard(Handler<HttpServerRequest> router) {
    return request -> {
      if (request.version() == null) {
        // Vert.x answers versions it does not know with an empty 501 unless a WebSocket handler is set
        // (see noWebSockets); then they come here
        Responses.raw(request.response(), 400, "Unsupported HTTP version");
        request.connection().close();
      } else if (request.version() == HttpVersion.HTTP_1_1 && request.getHeader(HttpHeaders.HOST) == null) {
        Responses.raw(request.response(), 400, "An HTTP/1.1 request needs a Host header");
      } else if (request.version() == HttpVersion.HTTP_1_1 && request.authority() == null) {
        // a Host Vert.x cannot parse (a port that is not a number, an unclosed bracket): the router
        // would fail on it with a 500, as on none at all
        Responses.raw(request.response(), 400, "Malformed Host header");
      } else {
        router.handle(request);
      }
    };
  }

  /**
   * The server's WebSocket handler: the mock has no WebSocket endpoints, so one is closed at once
   * (policy violation). Having a handler at all is what lets {@link #guard} see unknown HTTP versions.
   */
  public static void noWebSockets(ServerWebSocket socket) {
    socket.close((short) 1008, "livedigital-mock has no WebSocket endpoints");
  }

  /** On every request, before any area sees it: throws {@link ApiError} to refuse it. */
  public static void check(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    try {
      ctx.normalizedPath();
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Malformed path: " + e.getMessage());
    }
    if (request.query() != null) {
      try {
        request.params();
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("Malformed query string: " + e.getMessage());
      }
    }
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    Matcher charset = type == null || !mentionsCharset(type) ? null : CHARSET.matcher(type);
    if (charset != null && charset.find() && !isKnown(charset.group(1))) {
      // body-parser, under the real service's NestJS, answers an unknown charset the same way
      throw new ApiError(ApiError.Status.UNSUPPORTED_MEDIA_TYPE, "Unsupported charset \"" + charset.group(1) + "\"");
    }
  }

  /** Whether the regex needs to run at all: most requests name no charset. */
  private static boolean mentionsCharset(String contentType) {
    for (int i = 0; i + 7 <= contentType.length(); i++) {
      if (contentType.regionMatches(true, i, "charset", 0, 7)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isKnown(String charset) {
    try {
      return !charset.isEmpty() && Charset.isSupported(charset);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }

  /** The server's handler for requests that did not parse as HTTP (see {@code HttpServer#invalidRequestHandler}). */
  public static void invalid(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status;
    String message;
    if (cause instanceof TooLongHttpLineException) {
      status = 414;
      message = "Request line too long";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = 431;
      message = "Request headers too large";
    } else {
      status = 400;
      message = "Malformed HTTP request";
    }
    Responses.raw(request.response(), status, message);
    request.connection().close();
  }
}
