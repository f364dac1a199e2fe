package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Authenticated;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.common.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Resolves the bearer token of an API request. The header is {@code Authorization: Bearer <token>}
 * [guide]; the SDKs send {@code <token_type> <token>}, which is the same. Without the header, the
 * cookies of the guide's curl samples: {@code accessToken}, else {@code refreshToken} (some samples
 * send only that one).
 */
public final class Authentication {

  private static final String KEY = "ldmock.auth";

  private final TenantRegistry registry;

  Authentication(TenantRegistry registry) {
    this.registry = registry;
  }

  /** {@code then}, for requests with a valid token only: others are refused before any area code runs. */
  Handler<RoutingContext> required(Handler<RoutingContext> then) {
    return ctx -> {
      ctx.put(KEY, authenticate(ctx));
      then.handle(ctx);
    };
  }

  static Authenticated of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  private Authenticated authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && !header.isBlank()) {
      // "Bearer <token>" [guide]; the SDKs echo token_type as sent [sdk]; any other scheme word, or
      // none, is taken too [assumed, ledger T8]; Basic carries credentials, not a token
      String[] parts = schemeAndCredentials(header);
      if (parts[0].equalsIgnoreCase("Basic")) {
        throw ApiError.unauthorized("Authorization must carry a token, not Basic credentials");
      }
      return registry.authenticate(parts.length == 2 ? parts[1] : parts[0]);
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

  /**
   * An {@code Authorization} value trimmed and cut at its first run of whitespace: {@code [scheme,
   * credentials]}, or {@code [value]} if it has none. The same as {@code trim().split("\\s+", 2)},
   * without compiling a regex on every request.
   */
  public static String[] schemeAndCredentials(String header) {
    String value = header.trim();
    int end = 0;
    while (end < value.length() && !isRegexSpace(value.charAt(end))) {
      end++;
    }
    if (end == value.length()) {
      return new String[] {value};
    }
    int rest = end;
    while (rest < value.length() && isRegexSpace(value.charAt(rest))) {
      rest++;
    }
    return new String[] {value.substring(0, end), value.substring(rest)};
  }

  /** The characters of the regex class {@code \\s}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static String cookie(RoutingContext ctx, String name) {
    Cookie cookie = ctx.request().getCookie(name);
    return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
  }
}
