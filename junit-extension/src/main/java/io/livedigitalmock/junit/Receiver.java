package io.livedigitalmock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A webhook endpoint on the mock itself: register {@link #url()} as a space's webhook, and it records
 * every POST, checks its signature, and answers with the scripted statuses. Deleted by the extension
 * after the test that created it.
 */
public final class Receiver {

  private final JsonHttp http;
  private final String id;
  private final String url;
  private final List<Integer> responses;
  private final Map<String, Long> cursors = new ConcurrentHashMap<>();

  Receiver(JsonHttp http, String id, String url, List<Integer> responses) {
    this.http = http;
    this.id = id;
    this.url = url;
    this.responses = List.copyOf(responses);
  }

  public String id() {
    return id;
  }

  /** The address to register as a webhook URL; it names the mock, so it also works inside a container. */
  public String url() {
    return url;
  }

  /** The statuses it answers with, in order; the last one repeats. */
  public List<Integer> responses() {
    return responses;
  }

  /** Everything received so far, oldest first. */
  public List<ReceivedRequest> requests() {
    return requests(null);
  }

  /** What was received for one event name. */
  public List<ReceivedRequest> requests(String eventName) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("eventName", eventName);
    JsonNode page = http.get(path() + "/requests" + Paths.query(q), null);
    List<ReceivedRequest> items = new ArrayList<>();
    page.path("items").forEach(item -> items.add(request(item)));
    return List.copyOf(items);
  }

  /** The next request of any event; see {@link #awaitNext(String, Duration)}. */
  public ReceivedRequest awaitNext(Duration timeout) {
    return awaitNext(null, timeout);
  }

  /**
   * The next request for {@code eventName} (null: any): the first after the one this method last returned
   * for that name, as soon as it arrives. Calling it again walks through retries one by one.
   *
   * @throws AssertionError if none arrives within {@code timeout}; the message lists what did
   */
  public ReceivedRequest awaitNext(String eventName, Duration timeout) {
    String key = eventName == null ? "" : eventName;
    long after = cursors.getOrDefault(key, 0L);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long remaining = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
      long wait = Math.min(remaining, Deliveries.MAX_POLL_MILLIS);
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("eventName", eventName);
      q.put("after", after);
      q.put("timeoutMs", wait);
      Optional<JsonNode> found = http.poll(path() + "/requests/next" + Paths.query(q), Duration.ofMillis(wait));
      if (found.isPresent()) {
        ReceivedRequest r = request(found.get());
        cursors.put(key, r.seq());
        return r;
      }
      if (wait >= remaining) {
        throw new AssertionError("receiver " + url + " got no " + (eventName == null ? "request" : eventName)
            + " (after #" + after + ") within " + timeout + "; it got: " + requests());
      }
    }
  }

  /** Removes it from the mock; later deliveries to its URL fail with 404. */
  public void delete() {
    http.delete(path(), null);
  }

  private String path() {
    return "/_mock/receivers/" + Paths.segment(id);
  }

  private static ReceivedRequest request(JsonNode r) {
    JsonNode valid = r.get("signatureValid");
    return new ReceivedRequest(r.path("seq").asLong(), JsonHttp.instant(r, "at"), JsonHttp.text(r, "eventName"),
        JsonHttp.text(r, "body"), JsonHttp.text(r, "signature"),
        valid == null || valid.isNull() ? null : valid.asBoolean(), r.path("status").asInt());
  }

  @Override
  public String toString() {
    return "Receiver[" + url + ", responses=" + responses + "]";
  }
}
