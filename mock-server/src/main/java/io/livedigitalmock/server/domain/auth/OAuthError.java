package io.livedigitalmock.server.domain.auth;

import io.livedigitalmock.server.domain.common.ApiError;

/**
 * An RFC 6749 error of the token endpoint: besides the house error body it carries OAuth2's
 * {@code error} code and {@code error_description} [guide FAQ: invalid_grant / Invalid credentials].
 */
public final class OAuthError extends RuntimeException {

  private final ApiError.Status status;
  private final String code;

  private OAuthError(ApiError.Status status, String code, String description) {
    super(description, null, false, false);
    this.status = status;
    this.code = code;
  }

  public ApiError.Status status() {
    return status;
  }

  /** The OAuth2 error code, e.g. {@code invalid_grant}. */
  public String code() {
    return code;
  }

  public static OAuthError invalidRequest(String description) {
    return new OAuthError(ApiError.Status.BAD_REQUEST, "invalid_request", description);
  }

  public static OAuthError invalidClient() {
    return new OAuthError(ApiError.Status.UNAUTHORIZED, "invalid_client", "Invalid client credentials");
  }

  public static OAuthError invalidGrant(String description) {
    return new OAuthError(ApiError.Status.BAD_REQUEST, "invalid_grant", description);
  }

  public static OAuthError unsupportedGrantType(String grantType) {
    return new OAuthError(ApiError.Status.BAD_REQUEST, "unsupported_grant_type",
        "Unsupported grant_type: " + grantType);
  }
}
