package io.livedigitalmock.server.journal;

import java.time.Instant;

/**
 * One request the mock received, and how it was answered.
 *
 * @param at          when it arrived, in its tenant's mock time (the server's for unattributed ones)
 * @param clientId    its tenant, or null when none could be told
 * @param operationId the API operation its route serves, or null (an unknown route, a room page, a file)
 * @param knownRoute  false when no route of the mock serves its method and path
 * @param status      the status sent, or 0 when the connection closed before any answer
 * @param error       why the answer did not complete (the connection closed), else null
 * @param fault       the fault rule that fired on it ({@code rule 3 "name": respond 503}), else null
 */
public record RecordedRequest(long seq, Instant at, String clientId, String method, String path, String query,
                              String operationId, boolean knownRoute, int status, String error,
                              long durationMicros, String faultRuleId, String fault, RequestContent content) {

  /** Fixed cost of an entry besides what its content holds, measured by mock-server/bench/faults.sh. */
  static final long ENTRY_OVERHEAD_BYTES = 200;

  RecordedRequest withSeq(long newSeq) {
    return new RecordedRequest(newSeq, at, clientId, method, path, query, operationId, knownRoute, status, error,
        durationMicros, faultRuleId, fault, content);
  }

  long weight() {
    return ENTRY_OVERHEAD_BYTES + path.length() + (query == null ? 0 : query.length()) + content.retainedBytes();
  }

  /** The body as text (UTF-8), secrets masked. */
  public String bodyText() {
    return Secrets.maskBody(new String(content.body(), java.nio.charset.StandardCharsets.UTF_8));
  }

  public boolean bodyTruncated() {
    return content.body().length < content.bodySize();
  }

  /** Header that the JUnit extension's handle puts on the API requests it makes itself (seeding, tokens). */
  public static final String HANDLE_HEADER = "X-Livedigital-Mock-Handle";

  /** True for a request the test's handle made itself (seed data, tokens), not the application. */
  public boolean fromHandle() {
    return content.headers().stream().anyMatch(h -> h.getKey().equalsIgnoreCase(HANDLE_HEADER));
  }

  /** Not found, or a server error no fault explains: what {@code failOnUnmatchedRequests} reports. */
  public boolean unexplained() {
    return !knownRoute || (status >= 500 && fault == null);
  }
}
