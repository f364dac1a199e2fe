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
    ctx.put(KEY, authenticate(ctx));
    ctx.next();
  }

  static Authenticated of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  private Authenticated authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && !header.isBlank()) {
      String[] parts = header.trim().split("\\s+", 2);
      if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
        throw ApiError.unauthorized("Authorization header must be 'Bearer <token>'");
      }
      return registry.authenticate(parts[1]);
    }
    String access = cookie(ctx, "accessToken");
    if (access != null) {
      return registry.authenticate(access);
    }
    String refresh = cookie(ctx, "refreshToken");
    if (refresh != null) {
      return registry.authenticateSession(refresh);
    }
    throw ApiError.unauthorized("Missing bearer token");
  }

  private static String cookie(RoutingContext ctx, String name) {
    Cookie cookie = ctx.request().getCookie(name);
    return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
  }
}
