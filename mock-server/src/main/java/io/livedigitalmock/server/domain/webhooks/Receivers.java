package io.livedigitalmock.server.domain.webhooks;

import io.livedigitalmock.server.domain.common.ApiError;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;

/**
 * The built-in webhook receivers of the server; a full reset drops them. At most {@code maxReceivers}
 * at once (409 past it), and their request logs keep {@code maxLogBytes} in all: past that, the
 * oldest request of any receiver is forgotten first.
 */
public final class Receivers {

  private final int maxReceivers;
  private final long maxLogBytes;
  private final Map<String, Receiver> byId = new ConcurrentHashMap<>();

  public Receivers(int maxReceivers, long maxLogBytes) {
    this.maxReceivers = maxReceivers;
    this.maxLogBytes = maxLogBytes;
  }

  public synchronized Receiver create(List<Integer> responses, long delayMillis, Instant now) {
    if (byId.size() >= maxReceivers) {
      throw ApiError.conflict("There are " + maxReceivers + " receivers, the most --max-receivers allows: delete "
          + "some (DELETE /_mock/receivers/{id}) or start the mock with a larger --max-receivers");
    }
    byte[] id = new byte[8];
    ThreadLocalRandom.current().nextBytes(id);
    Receiver receiver = new Receiver(HexFormat.of().formatHex(id), responses, delayMillis, now, maxLogBytes);
    byId.put(receiver.id(), receiver);
    return receiver;
  }

  /** Logs a request a receiver got, then forgets the oldest requests of any receiver past the byte limit. */
  public ReceivedRequest record(Receiver receiver, LongFunction<ReceivedRequest> withSeq) {
    ReceivedRequest stored = receiver.requests().append(withSeq);
    synchronized (this) {
      long total = byId.values().stream().mapToLong(r -> r.requests().weight()).sum();
      while (total > maxLogBytes) {
        Receiver oldest = byId.values().stream().filter(r -> r.requests().oldest() != null)
            .min(Comparator.comparing(r -> r.requests().oldest().at())).orElse(null);
        if (oldest == null) {
          break;
        }
        long before = oldest.requests().weight();
        oldest.requests().evictOldest();
        total -= before - oldest.requests().weight();
      }
    }
    return stored;
  }

  public Receiver get(String id) {
    Receiver receiver = byId.get(id);
    if (receiver == null) {
      throw ApiError.notFound("Receiver");
    }
    return receiver;
  }

  public void delete(String id) {
    if (byId.remove(id) == null) {
      throw ApiError.notFound("Receiver");
    }
  }

  public void clear() {
    byId.clear();
  }
}
