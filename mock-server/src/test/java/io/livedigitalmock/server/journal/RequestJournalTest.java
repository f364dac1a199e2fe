package io.livedigitalmock.server.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each tenant's journal is bounded, and all of them together too: memory does not grow with tenants. */
class RequestJournalTest {

  private static final RequestFilter ALL = RequestFilter.ANY;

  @Test
  void pastTheTotalTheHeaviestTenantsOldestRequestsGoFirst() {
    long heavy = request("heavy", 10_000).weight();
    long light = request("light", 0).weight();
    RequestJournal journal = new RequestJournal(1_000, 100 * heavy, 3 * heavy + 5 * light);
    for (int i = 0; i < 8; i++) {
      journal.record(request("heavy", 10_000));
    }
    for (int i = 0; i < 3; i++) {
      journal.record(request("light", 0));
    }
    List<Long> kept = journal.list("heavy", ALL, 0).stream().map(RecordedRequest::seq).toList();
    assertTrue(kept.size() >= 2 && kept.size() <= 3, "as many as fit: " + kept);
    assertEquals(8L, kept.get(kept.size() - 1), "the heavy tenant keeps its newest");
    assertEquals(kept.size() - 1, kept.get(kept.size() - 1) - kept.get(0), "its newest in a row: " + kept);
    assertEquals(8 - kept.size(), journal.dropped("heavy"));
    assertEquals(3, journal.list("light", ALL, 0).size(), "the light tenant keeps all it had");
    assertEquals(0, journal.dropped("light"));
  }

  /**
   * A trim makes room for a sixteenth of the total at once, so that the parts are looked through
   * once per trim rather than once per request past the total (with 10,000 tenants, that look made
   * every request 40 times slower).
   */
  @Test
  void aTrimFreesASixteenthOfTheTotalSoTheNextRequestsNeedNone() {
    long one = request("a", 10_000).weight();
    RequestJournal journal = new RequestJournal(1_000, 100 * one, 16 * one);
    for (int i = 0; i < 17; i++) {
      journal.record(request("a", 10_000));
    }
    assertEquals(2, journal.dropped("a"), "down to 15 of 16");
    journal.record(request("a", 10_000));
    assertEquals(2, journal.dropped("a"), "the 16th fits again without a trim");
    journal.record(request("a", 10_000));
    assertEquals(4, journal.dropped("a"));
    assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L),
        journal.list("a", ALL, 0).stream().map(RecordedRequest::seq).toList());
  }

  @Test
  void clearingATenantGivesItsShareBack() {
    long one = request("a", 10_000).weight();
    RequestJournal journal = new RequestJournal(1_000, 100 * one, 4 * one);
    for (int i = 0; i < 4; i++) {
      journal.record(request("first", 10_000));
    }
    journal.clear("first");
    for (int i = 0; i < 4; i++) {
      journal.record(request("second", 10_000));
    }
    assertEquals(4, journal.list("second", ALL, 0).size());
    assertEquals(0, journal.dropped("second"));
  }

  private static RecordedRequest request(String clientId, int bodyBytes) {
    byte[] body = new byte[Math.min(bodyBytes, RequestJournal.BODY_CAP)];
    RequestContent content = new RequestContent() {
      @Override
      public List<Map.Entry<String, String>> headers() {
        return List.of();
      }

      @Override
      public byte[] body() {
        return body;
      }

      @Override
      public int bodySize() {
        return bodyBytes;
      }

      @Override
      public long retainedBytes() {
        return body.length;
      }
    };
    return new RecordedRequest(0, Instant.EPOCH, clientId, "POST", "/v1/spaces", null, "createSpace", true, 400,
        null, 1, null, null, content);
  }
}
