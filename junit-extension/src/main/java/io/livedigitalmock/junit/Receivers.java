package io.livedigitalmock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Creates {@link Receiver}s: webhook endpoints on the mock with scripted answers. */
public final class Receivers {

  private final Livedigital mock;
  private final Queue<Receiver> created = new ConcurrentLinkedQueue<>();

  Receivers(Livedigital mock) {
    this.mock = mock;
  }

  /** A receiver that answers 200 to everything. */
  public Receiver create() {
    return create(Duration.ZERO, 200);
  }

  /**
   * A receiver answering each POST with the next of {@code statuses} (the last one repeats), e.g.
   * {@code create(500, 500, 200)}: two failed attempts, then delivered.
   */
  public Receiver create(int... statuses) {
    return create(Duration.ZERO, statuses);
  }

  /** As {@link #create(int...)}, answering each request only after {@code delay} (to test timeouts). */
  public Receiver create(Duration delay, int... statuses) {
    ObjectNode body = JsonHttp.object().put("delayMs", delay.toMillis());
    var responses = body.putArray("responses");
    for (int status : statuses.length == 0 ? new int[] {200} : statuses) {
      responses.add(status);
    }
    JsonNode r = mock.http().post("/_mock/receivers", body, null);
    List<Integer> answers = new ArrayList<>();
    r.path("responses").forEach(s -> answers.add(s.asInt()));
    Receiver receiver = new Receiver(mock.http(), JsonHttp.text(r, "id"), JsonHttp.text(r, "url"), answers);
    created.add(receiver);
    return receiver;
  }

  /** Deletes the receivers created through this handle since the last call (at the end of each test). */
  void deleteCreated() {
    Receiver r;
    while ((r = created.poll()) != null) {
      try {
        r.delete();
      } catch (LivedigitalMockException e) {
        if (e.status() != 404) {   // deleted by the test itself: fine
          throw e;
        }
      }
    }
  }
}
