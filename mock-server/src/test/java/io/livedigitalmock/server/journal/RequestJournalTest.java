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
    assertEquals(List.of(6L, 7L, 8L), journal.list("heavy", ALL, 0).stream().map(RecordedRequest::seq).toList(),
        "the heavy tenant keeps its newest three");
    assertEquals(5, journal.dropped("heavy"));
    assertEquals(3, journal.list("light", ALL, 0).size(), "the light tenant keeps all it had");
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
