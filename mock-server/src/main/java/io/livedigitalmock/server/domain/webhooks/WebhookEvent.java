package io.livedigitalmock.server.domain.webhooks;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * An event bound for a space's webhook, with the url and secret in force when it happened (a secret
 * refreshed later signs only later events). {@code recordId} is null on call events.
 * {@code calledOff} turns true when the tenant is reset: attempts not yet made are then dropped.
 */
public record WebhookEvent(String clientId, String eventId, EventName eventName, String spaceId,
                           String roomId, String recordId, String url, String secret,
                           Instant occurredAt, BooleanSupplier calledOff) {
}
