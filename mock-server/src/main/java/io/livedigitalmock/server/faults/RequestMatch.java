package io.livedigitalmock.server.faults;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Optional conditions on a request's content (API rules: a regex found in the body, regexes found in
 * headers) or on a delivery (webhook rules: event names). Empty: anything matches.
 */
public record RequestMatch(Pattern body, Map<String, Pattern> headers, Set<String> events) {

  public static final RequestMatch ANY = new RequestMatch(null, Map.of(), Set.of());

  /** A request as the rules see it; read only when a rule asks. */
  public interface Probe {

    /** Every value of the header (case-insensitive name), in order. */
    List<String> headers(String name);

    /** The body as text; empty when there is none. */
    String body();
  }

  public RequestMatch {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    events = events == null ? Set.of() : Set.copyOf(events);
  }

  boolean matches(Probe probe) {
    if (!headers.isEmpty()) {
      for (Map.Entry<String, Pattern> h : headers.entrySet()) {
        if (probe.headers(h.getKey()).stream().noneMatch(v -> h.getValue().matcher(v).find())) {
          return false;
        }
      }
    }
    return body == null || body.matcher(probe.body()).find();
  }

  boolean matchesEvent(String eventName) {
    return events.isEmpty() || events.contains(eventName);
  }
}
