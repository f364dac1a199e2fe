package io.livedigitalmock.server.domain.auth;

/** The answer of the token endpoint: {@code token_type, access_token, refresh_token} [guide, sdk]. */
public record TokenPair(String accessToken, String refreshToken) {
}
