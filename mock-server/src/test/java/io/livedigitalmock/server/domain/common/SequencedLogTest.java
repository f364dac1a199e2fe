package io.livedigitalmock.server.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The log keeps its newest entries within a count and a byte budget. */
class SequencedLogTest {

  private record Entry(long seq, String text) {
  }

  @Test
  void pastItsBytesTheOldestEntriesAreForgotten() {
    long one = Footprint.of(new Entry(1, "x".repeat(10_000)));
    SequencedLog<Entry> log = new SequencedLog<>(1_000, 3 * one + one / 2, Entry::seq, Footprint::of);
    for (int i = 0; i < 10; i++) {
      log.append(seq -> new Entry(seq, "x".repeat(10_000)));
    }
    assertEquals(List.of(8L, 9L, 10L), log.list(e -> true, 0).stream().map(Entry::seq).toList());
    assertEquals(3 * one, log.weight());
  }

  @Test
  void theNewestEntryStaysEvenIfItAloneIsTooBig() {
    SequencedLog<Entry> log = new SequencedLog<>(1_000, 100, Entry::seq, Footprint::of);
    log.append(seq -> new Entry(seq, "small"));
    log.append(seq -> new Entry(seq, "x".repeat(1_000)));
    assertEquals(List.of(2L), log.list(e -> true, 0).stream().map(Entry::seq).toList());
  }

  @Test
  void forgettingAndClearingGiveTheirBytesBack() {
    SequencedLog<Entry> log = new SequencedLog<>(1_000, 1 << 20, Entry::seq, Footprint::of);
    log.append(seq -> new Entry(seq, "keep"));
    long kept = log.weight();
    log.append(seq -> new Entry(seq, "drop".repeat(100)));
    log.forget(e -> e.text().startsWith("drop"));
    assertEquals(kept, log.weight());
    log.clear();
    assertEquals(0, log.weight());
    assertTrue(log.list(e -> true, 0).isEmpty());
  }
}
