package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Authenticated;
import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.common.ApiError;
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
  /**
   * Per event-loop thread, the last token read and the {@code cId} it claims: clients send the same
   * token over and over, and reading a JWT's payload (base64, then JSON) is most of what faults cost.
   */
  private static final ThreadLocal<String[]> LAST_TOKEN = ThreadLocal.withInitial(() -> new String[2]);

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
      String value = header.trim();
      int space = value.indexOf(' ');
      String credentials = space < 0 ? value : value.substring(space + 1).trim();
      if (space > 0 && value.regionMatches(true, 0, "Basic", 0, space)) {
        return byClientId(registry, basicClientId(credentials));
      }
      return byToken(registry, credentials);
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
    String[] last = LAST_TOKEN.get();
    String cId = token.equals(last[0]) ? last[1] : claimedClientObjectId(token);
    last[0] = token;
    last[1] = cId;
    return cId == null ? null : registry.byClientObjectId(cId).orElse(null);
  }

  private static String claimedClientObjectId(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0) {
      return null;
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
      Object cId = new JsonObject(Buffer.buffer(payload)).getValue("cId");
      return cId instanceof String s ? s : null;
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
        return RequestBody.parse(ctx).getValue("client_id") instanceof String s ? s : null;
      } catch (ApiError notAnObject) {
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
