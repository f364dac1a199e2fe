package io.livedigitalmock.server.domain.webhooks;

import java.time.Instant;

/** A space's one webhook [guide]. */
public record Webhook(String spaceId, String url, String secret, boolean isActive, Instant createdAt) {

  public Webhook with(String newUrl, boolean active) {
    return new Webhook(spaceId, newUrl, secret, active, createdAt);
  }

  public Webhook withSecret(String newSecret) {
    return new Webhook(spaceId, url, newSecret, isActive, createdAt);
  }
}
