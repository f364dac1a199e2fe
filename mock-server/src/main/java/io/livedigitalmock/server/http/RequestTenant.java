package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.ApiError;
import io.livedigitalmock.server.domain.Authenticated;
import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Which tenant a request belongs to, told without refusing anything: the one its authentication
 * found; else the {@code cId} its bearer token (or token cookie) claims; else, on the token endpoint,
 * its {@code client_id} (JSON or form body, or HTTP Basic). Null when none can be told. For fault
 * rules and the journal only: the token's signature is checked by {@link Authentication}, not here,
 * and this runs before it. Remembered on the request, so it is worked out once.
 */
final class RequestTenant {

  private static final String KEY = "ldmock.tenant";
  private static final Object NONE = new Object();

  private RequestTenant() {
  }

  static Tenant of(RoutingContext ctx, TenantRegistry registry) {
    Object known = ctx.get(KEY);
    if (known != null) {
      return known == NONE ? null : (Tenant) known;
    }
    Authenticated auth = Authentication.of(ctx);
    Tenant tenant = auth != null ? auth.tenant() : find(ctx, registry);
    ctx.put(KEY, tenant == null ? NONE : tenant);
    return tenant;
  }

  private static Tenant find(RoutingContext ctx, TenantRegistry registry) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && !header.isBlank()) {
      String[] parts = header.trim().split("\\s+", 2);
      if (parts[0].equalsIgnoreCase("Basic") && parts.length == 2) {
        return byClientId(registry, basicClientId(parts[1]));
      }
      return byToken(registry, parts.length == 2 ? parts[1] : parts[0]);
    }
    for (String name : new String[] {"accessToken", "refreshToken"}) {
      Cookie cookie = ctx.request().getCookie(name);
      if (cookie != null) {
        return byToken(registry, cookie.getValue());
      }
    }
    return OperationRoutes.of(ctx) == ApiOperation.GET_ACCESS_TOKEN ? byClientId(registry, bodyClientId(ctx)) : null;
  }

  /** The {@code cId} of a JWT's payload, read without checking the signature. */
  private static Tenant byToken(TenantRegistry registry, String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0) {
      return null;
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
      Object cId = new JsonObject(Buffer.buffer(payload)).getValue("cId");
      return cId instanceof String s ? registry.byClientObjectId(s).orElse(null) : null;
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      return null;
    }
  }

  private static String basicClientId(String credentials) {
    try {
      String decoded = new String(Base64.getDecoder().decode(credentials.trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String bodyClientId(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.trim().startsWith("{")) {
      try {
        return new JsonObject(text).getValue("client_id") instanceof String s ? s : null;
      } catch (DecodeException e) {
        return null;
      }
    }
    try {
      var values = new io.netty.handler.codec.http.QueryStringDecoder(text, false).parameters().get("client_id");
      return values == null || values.isEmpty() ? null : values.get(0);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Tenant byClientId(TenantRegistry registry, String clientId) {
    if (clientId == null) {
      return null;
    }
    try {
      return registry.byClientId(clientId);
    } catch (ApiError notFound) {
      return null;
    }
  }
}
