package io.livedigitalmock.server.domain.webhooks;

import java.time.Instant;

/**
 * One HTTP attempt to deliver a webhook event: what was sent, byte for byte, and how it went.
 * {@code status} is the receiver's HTTP status, or null when {@code error} says why there was none
 * (refused, timed out). {@code outcome}: delivered, retrying (another attempt follows) or dropped.
 */
public record DeliveryAttempt(long seq, String deliveryId, String clientId, String eventName,
                              String spaceId, String roomId, String recordId, String url, int attempt,
                              String requestBody, String signature, Integer status, String error,
                              String outcome, Instant at, long durationMillis, String sentTo) {

  public static final String DELIVERED = "delivered";
  public static final String RETRYING = "retrying";
  public static final String DROPPED = "dropped";

  public DeliveryAttempt withSeq(long newSeq) {
    return new DeliveryAttempt(newSeq, deliveryId, clientId, eventName, spaceId, roomId, recordId, url,
        attempt, requestBody, signature, status, error, outcome, at, durationMillis, sentTo);
  }
}
