package io.livedigitalmock.server.journal;

import io.livedigitalmock.server.domain.common.SequencedLog;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request the mock received (the control plane aside), per tenant, plus an "unattributed" part
 * for requests of no tenant that could be told. Each part is bounded by a number of entries and by
 * bytes; past either, its oldest entries go. All parts together are bounded by {@code totalMaxBytes}
 * too, so memory does not grow with the number of tenants: past it, the heaviest part's oldest
 * entries go first. A tenant's part is emptied by its reset.
 */
public final class RequestJournal {

  /** Most body bytes an entry keeps; a longer body is kept cut, and marked so. */
  public static final int BODY_CAP = 8 * 1024;

  private final int maxEntries;
  private final long maxBytes;
  private final long totalMaxBytes;
  private final AtomicLong total = new AtomicLong();
  private final Map<String, SequencedLog<RecordedRequest>> byTenant = new ConcurrentHashMap<>();
  private final SequencedLog<RecordedRequest> unattributed;

  public RequestJournal(int maxEntries, long maxBytes, long totalMaxBytes) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.totalMaxBytes = totalMaxBytes;
    this.unattributed = newLog();
  }

  public int maxEntries() {
    return maxEntries;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Stores a request (its seq assigned here, per part) and wakes whoever waits for one like it. */
  public RecordedRequest record(RecordedRequest request) {
    RecordedRequest stored = log(request.clientId()).append(request::withSeq);
    if (total.get() > totalMaxBytes) {
      trim();
    }
    return stored;
  }

  /**
   * Within the total: the heaviest part gives up its oldest entries first, until all together are
   * back under 15/16 of the total. Finding the heaviest looks at every part: once per trim, and a
   * trim frees a sixteenth of the total, instead of once per request past it (with 10,000 tenants
   * that look cost more than the request itself).
   */
  private synchronized void trim() {
    if (total.get() <= totalMaxBytes) {
      return;   // another request's trim made room meanwhile
    }
    long target = totalMaxBytes - totalMaxBytes / 16;
    PriorityQueue<Part> heaviest = new PriorityQueue<>();
    byTenant.values().forEach(log -> Part.addIfHeld(heaviest, log));
    Part.addIfHeld(heaviest, unattributed);
    while (total.get() > target && !heaviest.isEmpty()) {
      SequencedLog<RecordedRequest> log = heaviest.poll().log;
      log.evictOldest();
      Part.addIfHeld(heaviest, log);
    }
  }

  /** A part as heavy as it was when looked at: the heaviest first. */
  private record Part(SequencedLog<RecordedRequest> log, long weight) implements Comparable<Part> {

    /** Only parts that hold something can give it up. */
    static void addIfHeld(PriorityQueue<Part> parts, SequencedLog<RecordedRequest> log) {
      long weight = log.weight();
      if (weight > 0) {
        parts.add(new Part(log, weight));
      }
    }

    @Override
    public int compareTo(Part other) {
      return Long.compare(other.weight, weight);
    }
  }

  public List<RecordedRequest> list(String clientId, RequestFilter filter, long afterSeq) {
    return log(clientId).list(filter, afterSeq);
  }

  public CompletableFuture<RecordedRequest> next(String clientId, RequestFilter filter, long afterSeq) {
    return log(clientId).next(filter, afterSeq);
  }

  public long lastSeq(String clientId) {
    return log(clientId).lastSeq();
  }

  /** Entries dropped to stay within the bounds since the part was last cleared. */
  public long dropped(String clientId) {
    return log(clientId).dropped();
  }

  /** Empties a tenant's part (null: the unattributed one); waiters keep waiting for new entries. */
  public void clear(String clientId) {
    log(clientId).clear();
  }

  /** Everything was reset: every part is emptied, and those of tenants gone are dropped. */
  public synchronized void clearAll() {
    byTenant.values().forEach(SequencedLog::clear);
    byTenant.clear();
    unattributed.clear();
    total.set(unattributed.weight());   // a request recorded meanwhile into a part now gone counts no more
  }

  private SequencedLog<RecordedRequest> log(String clientId) {
    return clientId == null ? unattributed : byTenant.computeIfAbsent(clientId, c -> newLog());
  }

  private SequencedLog<RecordedRequest> newLog() {
    return new SequencedLog<>(maxEntries, maxBytes, RecordedRequest::seq, RecordedRequest::weight, total::addAndGet);
  }
}
