package io.livedigitalmock.server.domain.auth;

import java.time.Instant;

/** A registered user of one tenant. Logs in with email as OAuth2 {@code username} [guide FAQ]. */
public record User(String id, String email, String username, String password, String phone,
                   String signature, Instant createdAt) {
}
