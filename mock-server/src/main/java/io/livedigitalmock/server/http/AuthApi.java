package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.auth.OAuthError;
import io.livedigitalmock.server.domain.auth.TokenClaims;
import io.livedigitalmock.server.domain.auth.TokenPair;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /v1/auth/token} (getAccessToken) [guide]: client_credentials, password, refresh_token. */
final class AuthApi {

  private final TenantRegistry registry;

  AuthApi(TenantRegistry registry) {
    this.registry = registry;
  }

  void mount(OperationRoutes ops) {
    ops.serve(ApiOperation.GET_ACCESS_TOKEN, this::getAccessToken);
  }

  private void getAccessToken(RoutingContext ctx) {
    JsonObject params = tokenParams(ctx);
    String grantType = text(params, "grant_type");
    if (grantType == null) {
      throw OAuthError.invalidRequest("grant_type is required");
    }
    if (!grantType.equals("client_credentials") && !grantType.equals("password")
        && !grantType.equals("refresh_token")) {
      throw OAuthError.unsupportedGrantType(grantType);
    }
    String[] basic = basicCredentials(ctx);
    Tenant tenant = basic != null && params.getValue("client_id") == null
        ? registry.authenticateClient(basic[0], basic[1])
        : registry.authenticateClient(text(params, "client_id"), text(params, "client_secret"));
    TokenPair pair = switch (grantType) {
      case "client_credentials" -> tenant.backend().tokens().forClient();
      case "password" -> tenant.backend().tokens().forUser(
          required(params, "username"), required(params, "password"));
      default -> tenant.backend().tokens().refresh(refreshClaims(tenant, required(params, "refresh_token")));
    };
    Responses.ok(ctx, new JsonObject()
        .put("token_type", "Bearer")
        .put("access_token", pair.accessToken())
        .put("refresh_token", pair.refreshToken()));
  }

  private TokenClaims refreshClaims(Tenant tenant, String refreshToken) {
    TokenClaims claims;
    try {
      claims = registry.decode(refreshToken);
    } catch (RuntimeException e) {
      throw OAuthError.invalidGrant("Invalid refresh token");
    }
    if (!tenant.clientObjectId().equals(claims.clientObjectId())) {
      throw OAuthError.invalidGrant("Refresh token was issued to another client");
    }
    return claims;
  }

  /**
   * JSON as in the guide; a form body (RFC 6749's own encoding) is accepted too. The body's first
   * character decides, not the header, since curl's {@code -d} labels JSON as a form.
   */
  private static JsonObject tokenParams(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    boolean formType = type != null && type.startsWith("application/x-www-form-urlencoded");
    String text = formType ? ctx.body().asString() : null;
    if (text != null && !text.isBlank() && !text.trim().startsWith("{")) {
      JsonObject form = new JsonObject();
      io.netty.handler.codec.http.QueryStringDecoder decoder =
          new io.netty.handler.codec.http.QueryStringDecoder(text, false);
      decoder.parameters().forEach((k, v) -> form.put(k, v.get(0)));
      return form;
    }
    try {
      return RequestBody.parse(ctx);
    } catch (io.livedigitalmock.server.domain.common.ApiError e) {
      throw OAuthError.invalidRequest(e.getMessage());
    }
  }

  /** RFC 6749 2.3.1: {@code Authorization: Basic base64(urlencoded id ":" urlencoded secret)}. */
  private static String[] basicCredentials(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw OAuthError.invalidClient();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw OAuthError.invalidClient();
    }
    var utf8 = java.nio.charset.StandardCharsets.UTF_8;
    try {
      return new String[] {java.net.URLDecoder.decode(decoded.substring(0, colon), utf8),
          java.net.URLDecoder.decode(decoded.substring(colon + 1), utf8)};
    } catch (IllegalArgumentException e) {
      throw OAuthError.invalidClient();
    }
  }

  private static String text(JsonObject params, String field) {
    Object v = params.getValue(field);
    if (v != null && !(v instanceof String)) {
      throw OAuthError.invalidRequest(field + " must be a string");
    }
    return (String) v;
  }

  private static String required(JsonObject params, String field) {
    String v = text(params, field);
    if (v == null || v.isEmpty()) {
      throw OAuthError.invalidRequest(field + " is required");
    }
    return v;
  }
}
