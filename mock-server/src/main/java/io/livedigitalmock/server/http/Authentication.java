package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.ApiError;
import io.livedigitalmock.server.domain.Authenticated;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Resolves the bearer token of an API request. The header is {@code Authorization: Bearer <token>}
 * [guide]; the SDKs send {@code <token_type> <token>}, which is the same. Without the header, the
 * cookies of the guide's curl samples: {@code accessToken}, else {@code refreshToken} (some samples
 * send only that one).
 */
final class Authentication {

  private static final String KEY = "ldmock.auth";

  private final TenantRegistry registry;

  Authentication(TenantRegistry registry) {
    this.registry = registry;
  }

  /** The route handler that refuses requests without a valid token, before any area code runs. */
  void require(RoutingContext ctx) {
    Cookie refresh = ctx.request().getCookie("refreshToken");
    boolean sessionOnly = !hasHeader(ctx) && ctx.request().getCookie("accessToken") == null
        && refresh != null && !refresh.getValue().isBlank();
    ctx.put(KEY, sessionOnly ? registry.authenticateSession(refresh.getValue()) : registry.authenticate(token(ctx)));
    ctx.next();
  }

  private static boolean hasHeader(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    return header != null && !header.isBlank();
  }

  static Authenticated of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  static String token(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && !header.isBlank()) {
      String[] parts = header.trim().split("\\s+", 2);
      if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
        throw ApiError.unauthorized("Authorization header must be 'Bearer <token>'");
      }
      return parts[1];
    }
    Cookie cookie = ctx.request().getCookie("accessToken");
    if (cookie != null && !cookie.getValue().isBlank()) {
      return cookie.getValue();
    }
    throw ApiError.unauthorized("Missing bearer token");
  }
}
