package io.livedigitalmock.server.domain.webhooks;

import java.util.Objects;

/** Which delivery attempts a test is after; a null field matches anything. */
public record DeliveryFilter(String clientId, String eventName, String spaceId, String roomId,
                             String recordId, String outcome) {

  public static final DeliveryFilter ANY = new DeliveryFilter(null, null, null, null, null, null);

  public boolean matches(DeliveryAttempt a) {
    return (clientId == null || clientId.equals(a.clientId()))
        && (eventName == null || eventName.equals(a.eventName()))
        && (spaceId == null || spaceId.equals(a.spaceId()))
        && (roomId == null || roomId.equals(a.roomId()))
        && (recordId == null || Objects.equals(recordId, a.recordId()))
        && (outcome == null || outcome.equals(a.outcome()));
  }
}
