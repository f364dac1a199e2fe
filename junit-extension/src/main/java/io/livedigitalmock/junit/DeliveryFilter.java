package io.livedigitalmock.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which webhook deliveries to list or wait for; every criterion left out matches anything. Always
 * limited to the handle's own tenant. Immutable:
 * {@code DeliveryFilter.event("call_finished").withRoomId(roomId)}.
 */
public final class DeliveryFilter {

  private static final DeliveryFilter ANY = new DeliveryFilter(null, null, null, null, null, null);

  private final String eventName;
  private final String spaceId;
  private final String roomId;
  private final String recordId;
  private final String outcome;
  private final Long afterSeq;

  private DeliveryFilter(String eventName, String spaceId, String roomId, String recordId, String outcome,
                         Long afterSeq) {
    this.eventName = eventName;
    this.spaceId = spaceId;
    this.roomId = roomId;
    this.recordId = recordId;
    this.outcome = outcome;
    this.afterSeq = afterSeq;
  }

  public static DeliveryFilter any() {
    return ANY;
  }

  /** Deliveries of one event: {@code call_started, call_finished, record_started, record_finished, ...}. */
  public static DeliveryFilter event(String eventName) {
    return ANY.withEventName(eventName);
  }

  public DeliveryFilter withEventName(String value) {
    return new DeliveryFilter(value, spaceId, roomId, recordId, outcome, afterSeq);
  }

  public DeliveryFilter withSpaceId(String value) {
    return new DeliveryFilter(eventName, value, roomId, recordId, outcome, afterSeq);
  }

  public DeliveryFilter withRoomId(String value) {
    return new DeliveryFilter(eventName, spaceId, value, recordId, outcome, afterSeq);
  }

  public DeliveryFilter withRecordId(String value) {
    return new DeliveryFilter(eventName, spaceId, roomId, value, outcome, afterSeq);
  }

  /** {@code delivered}, {@code retrying} (an attempt failed, another follows) or {@code dropped} (the last failed). */
  public DeliveryFilter withOutcome(String value) {
    return new DeliveryFilter(eventName, spaceId, roomId, recordId, value, afterSeq);
  }

  /** Only deliveries logged after the one with this {@link Delivery#seq()}. */
  public DeliveryFilter after(long seq) {
    return new DeliveryFilter(eventName, spaceId, roomId, recordId, outcome, seq);
  }

  Long afterSeq() {
    return afterSeq;
  }

  /** The criteria as query parameters (without {@code after}). */
  Map<String, String> criteria() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("eventName", eventName);
    q.put("spaceId", spaceId);
    q.put("roomId", roomId);
    q.put("recordId", recordId);
    q.put("outcome", outcome);
    q.values().removeIf(Objects::isNull);
    return q;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeliveryFilter f && criteria().equals(f.criteria()) && Objects.equals(afterSeq, f.afterSeq);
  }

  @Override
  public int hashCode() {
    return Objects.hash(criteria(), afterSeq);
  }

  @Override
  public String toString() {
    Map<String, Object> shown = new LinkedHashMap<>(criteria());
    if (afterSeq != null) {
      shown.put("after", afterSeq);
    }
    return shown.isEmpty() ? "any delivery" : shown.toString();
  }
}
