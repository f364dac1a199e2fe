package io.livedigitalmock.server.support;

/** A registered user and the token pair of their password-grant login. */
public record TestUser(String id, String email, String password, String accessToken, String refreshToken) {
}
