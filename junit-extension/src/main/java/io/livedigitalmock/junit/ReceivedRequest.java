package io.livedigitalmock.junit;

import java.time.Instant;
import java.util.Map;

/**
 * One POST a {@link Receiver} got. {@code body} is the raw text received; {@code signatureValid} says
 * whether its {@code signature} matches the secret of the webhook pointing at the receiver (null when
 * no webhook points at it); {@code status} is what the receiver answered.
 */
public record ReceivedRequest(long seq, Instant at, String eventName, String body, String signature,
                              Boolean signatureValid, int status) {

  /** The event: the {@code body} object inside the received JSON ({@code eventName, roomId, spaceId, ...}). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> event() {
    Object event = JsonHttp.parseObject(body).get("body");
    return event instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** True only if the signature was checked and matched. */
  public boolean verified() {
    return Boolean.TRUE.equals(signatureValid);
  }

  @Override
  public String toString() {
    return "#" + seq + " " + eventName + " signature " + (signatureValid == null ? "unchecked"
        : signatureValid ? "valid" : "INVALID") + ", answered " + status;
  }
}
