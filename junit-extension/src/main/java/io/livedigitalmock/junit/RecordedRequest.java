package io.livedigitalmock.junit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request the mock received, from its request journal. Secrets are masked ({@code Authorization},
 * {@code Cookie}, and {@code client_secret}, {@code password}, {@code refresh_token} in bodies read
 * {@code ***}); bodies are kept up to 8 KiB.
 *
 * @param operation   the operationId its route serves ({@code createRoom}), or null
 * @param knownRoute  false when the mock has no route for its method and path
 * @param status      the status answered, or null when the connection closed without an answer
 * @param error       why the answer did not complete, else null
 * @param fault       the fault rule that fired on it ({@code rule 3 "name": respond 503}), else null
 * @param unexplained an unknown route, or a 5xx no fault caused: what {@code failOnUnmatchedRequests} reports
 */
public record RecordedRequest(long seq, Instant at, String method, String path, String query, String operation,
                              boolean knownRoute, Integer status, String error, double durationMs, String fault,
                              boolean unexplained, Map<String, List<String>> headers, String body, int bodySize,
                              boolean bodyTruncated) {

  /** Every value of a header (name compared case-insensitively). */
  public List<String> header(String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream()).toList();
  }

  @Override
  public String toString() {
    return "#" + seq + " " + method + " " + path + (query == null ? "" : "?" + query)
        + (operation == null ? (knownRoute ? "" : " (unknown route)") : " (" + operation + ")")
        + " -> " + (status == null ? "no answer" : status) + (fault == null ? "" : " [" + fault + "]");
  }
}
