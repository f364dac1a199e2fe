package io.livedigitalmock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the application sent this tenant's mock, from the mock's request journal: list, verify, wait.
 * The requests the handle makes itself (seed data, {@link Livedigital#clientToken()}...) are left out.
 * The extension empties it before each test.
 *
 * <pre>{@code
 * mock.journal().verify("createRoom", 1);
 * mock.journal().verify("createRoom", Journal.bodyMatching("\"type\":\"webinar\""));
 * RecordedRequest r = mock.journal().awaitNext(RequestFilter.operation("getAccessToken"), Duration.ofSeconds(5));
 * }</pre>
 */
public final class Journal {

  /** A condition on a request's body: a regular expression found in it (secrets are masked). */
  public record BodyMatch(String regex) {

    boolean matches(RecordedRequest r) {
      return r.body() != null && Pattern.compile(regex).matcher(r.body()).find();
    }

    @Override
    public String toString() {
      return "a body matching /" + regex + "/";
    }
  }

  private final Livedigital mock;
  private final Map<RequestFilter, Long> cursors = new ConcurrentHashMap<>();

  Journal(Livedigital mock) {
    this.mock = mock;
  }

  public static BodyMatch bodyMatching(String regex) {
    return new BodyMatch(regex);
  }

  void beginTest() {
    cursors.clear();
  }

  /** Every request of the application, oldest first. */
  public List<RecordedRequest> requests() {
    return requests(RequestFilter.any());
  }

  public List<RecordedRequest> requests(RequestFilter filter) {
    JsonNode page = mock.http().get(path("") + query(filter, filter.afterSeq() != null ? filter.afterSeq() : 0,
        null), null);
    List<RecordedRequest> items = new ArrayList<>();
    page.path("items").forEach(item -> items.add(request(item)));
    return List.copyOf(items);
  }

  /** @throws AssertionError unless the operation was called exactly {@code times} times; lists its calls */
  public void verify(String operation, int times) {
    List<RecordedRequest> calls = requests(RequestFilter.operation(operation));
    if (calls.size() != times) {
      throw new AssertionError(operation + " was called " + calls.size() + " times, expected " + times + ": "
          + describe(calls));
    }
  }

  /** @throws AssertionError unless at least one call of the operation had a matching body */
  public void verify(String operation, BodyMatch body) {
    List<RecordedRequest> calls = requests(RequestFilter.operation(operation));
    if (calls.stream().noneMatch(body::matches)) {
      throw new AssertionError("no call of " + operation + " with " + body + "; its calls: " + bodies(calls));
    }
  }

  /** @throws AssertionError unless exactly {@code times} calls of the operation had a matching body */
  public void verify(String operation, int times, BodyMatch body) {
    List<RecordedRequest> calls = requests(RequestFilter.operation(operation));
    long matching = calls.stream().filter(body::matches).count();
    if (matching != times) {
      throw new AssertionError(matching + " calls of " + operation + " with " + body + ", expected " + times
          + "; its calls: " + bodies(calls));
    }
  }

  /** {@link #awaitNext(RequestFilter, Duration)} for one operation. */
  public RecordedRequest awaitNext(String operation, Duration timeout) {
    return awaitNext(RequestFilter.operation(operation), timeout);
  }

  /**
   * The next request that matches: the first after the one this method last returned for an equal
   * filter in this test (or after {@link RequestFilter#after}), as soon as the mock has answered it.
   *
   * @throws AssertionError if none comes within {@code timeout}; the message lists what came
   */
  public RecordedRequest awaitNext(RequestFilter filter, Duration timeout) {
    long after = filter.afterSeq() != null ? filter.afterSeq() : cursors.getOrDefault(filter, 0L);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long remaining = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
      long wait = Math.min(remaining, Deliveries.MAX_POLL_MILLIS);
      Optional<JsonNode> found = mock.http().poll(path("/next") + query(filter, after, wait), Duration.ofMillis(wait));
      if (found.isPresent()) {
        RecordedRequest r = request(found.get());
        cursors.put(filter, r.seq());
        return r;
      }
      if (wait >= remaining) {
        throw new AssertionError("no request matching " + filter + " (after #" + after + ") within " + timeout
            + "; the journal: " + describe(requests()));
      }
    }
  }

  /** Empties the tenant's journal. */
  public void clear() {
    mock.http().delete(path(""), null);
  }

  /** Requests to unknown routes, and 5xx answers no fault caused. */
  List<RecordedRequest> unexplained() {
    return requests().stream().filter(RecordedRequest::unexplained).toList();
  }

  private String path(String suffix) {
    return mock.tenantPath() + "/requests" + suffix;
  }

  private static String query(RequestFilter filter, long after, Long timeoutMs) {
    Map<String, Object> q = new LinkedHashMap<>(filter.criteria());
    q.put("fromHandle", "false");
    q.put("after", after);
    q.put("timeoutMs", timeoutMs);
    return Paths.query(q);
  }

  static String describe(List<RecordedRequest> requests) {
    return requests.isEmpty() ? "none" : requests.toString();
  }

  private static String bodies(List<RecordedRequest> calls) {
    return calls.isEmpty() ? "none" : calls.stream().map(c -> "#" + c.seq() + " " + c.body()).toList().toString();
  }

  static RecordedRequest request(JsonNode r) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    r.path("headers").fields().forEachRemaining(h -> {
      List<String> values = new ArrayList<>();
      h.getValue().forEach(v -> values.add(v.asText()));
      headers.put(h.getKey(), List.copyOf(values));
    });
    JsonNode status = r.get("status");
    JsonNode fault = r.get("fault");
    return new RecordedRequest(r.path("seq").asLong(), JsonHttp.instant(r, "at"), JsonHttp.text(r, "method"),
        JsonHttp.text(r, "path"), JsonHttp.text(r, "query"), JsonHttp.text(r, "operation"),
        r.path("knownRoute").asBoolean(), status == null || status.isNull() ? null : status.asInt(),
        JsonHttp.text(r, "error"), r.path("durationMs").asDouble(),
        fault == null || fault.isNull() ? null : JsonHttp.text(fault, "description"),
        r.path("unexplained").asBoolean(), headers, JsonHttp.text(r, "body"), r.path("bodySize").asInt(),
        r.path("bodyTruncated").asBoolean());
  }
}
