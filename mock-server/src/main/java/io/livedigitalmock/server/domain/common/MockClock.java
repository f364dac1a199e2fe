package io.livedigitalmock.server.domain.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time as the mock sees it: a base clock (the system's, or a fixed one in tests) plus an offset that
 * the control plane advances, so ttl and token expiry can be tested without waiting. Millisecond
 * precision, because the API renders times with millis.
 */
public final class MockClock {

  /** How far a test may move time: far enough for any expiry, short of java.time's own limits. */
  /** 9999-12-31T23:59:59.999Z (not parsed: that would load java.time's formatters at start-up). */
  public static final Instant LATEST = Instant.ofEpochSecond(253_402_300_799L, 999_000_000);

  private final Clock base;
  private final AtomicLong offsetMillis = new AtomicLong();

  public MockClock(Clock base) {
    this.base = base;
  }

  public static MockClock system() {
    return new MockClock(Clock.systemUTC());
  }

  /** Now, by this clock; time stands still at {@link #LATEST}. */
  public Instant now() {
    Instant now = base.instant().plusMillis(offsetMillis.get()).truncatedTo(ChronoUnit.MILLIS);
    return now.isAfter(LATEST) ? LATEST : now;
  }

  /** Moves this clock forward; time never goes backwards, so expired things stay expired. */
  public Instant advance(Duration by) {
    if (by.isNegative()) {
      throw ApiError.badRequest("the clock only moves forward");
    }
    if (Duration.between(now(), LATEST).compareTo(by) < 0) {
      throw ApiError.badRequest("the clock cannot go past " + LATEST);
    }
    offsetMillis.addAndGet(by.toMillis());
    return now();
  }

  /** Jumps to a given instant, if it is not in this clock's past. */
  public Instant set(Instant to) {
    if (to.isAfter(LATEST)) {
      throw ApiError.badRequest("the clock cannot go past " + LATEST);
    }
    long delta = Duration.between(now(), to).toMillis();
    if (delta < 0) {
      throw ApiError.badRequest("the clock only moves forward");
    }
    offsetMillis.addAndGet(delta);
    return now();
  }

  /** How far this clock is ahead of its base (what tests advanced it by), in milliseconds. */
  public long offsetMillis() {
    return offsetMillis.get();
  }

  /**
   * Puts the clock where a saved state had it: {@code offsetMillis} ahead of its base. The one way
   * time may go back: a restored state brings its own time with it.
   */
  public void restoreOffset(long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("a clock offset is never negative");
    }
    offsetMillis.set(offset);
  }

  /** A clock that follows this one and adds its own forward offset (one per tenant). */
  public MockClock child() {
    return new MockClock(new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return MockClock.this.now();
      }
    });
  }
}
