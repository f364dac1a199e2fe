package io.livedigitalmock.junit;

import java.time.Instant;
import java.util.Map;

/**
 * One attempt to deliver a webhook, as the mock logged it. {@code requestBody} is exactly what was
 * POSTed ({@code {"signature","body"}}); {@code status} is null when the receiver did not answer
 * (then {@code error} says why).
 *
 * @param outcome {@code delivered}, {@code retrying} or {@code dropped}
 * @param sentTo where the attempt really went when not straight to {@code url} (from a container, a
 *     URL naming localhost goes to the host alias or through the host relay); else null
 */
public record Delivery(long seq, String deliveryId, String eventName, String spaceId, String roomId,
                       String recordId, String url, int attempt, Integer status, String error, String outcome,
                       String signature, String requestBody, Instant at, long durationMs, String sentTo) {

  /** The event as sent: the {@code body} object inside {@link #requestBody()}. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> event() {
    Object body = JsonHttp.parseObject(requestBody).get("body");
    return body instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  public boolean delivered() {
    return "delivered".equals(outcome);
  }

  @Override
  public String toString() {
    return "#" + seq + " " + eventName + " attempt " + attempt + " -> " + url + (sentTo == null ? "" : " (" + sentTo + ")")
        + ": "
        + (status != null ? "HTTP " + status : error) + " (" + outcome + ")";
  }
}
