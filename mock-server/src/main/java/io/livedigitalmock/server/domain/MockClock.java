package io.livedigitalmock.server.domain;

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

  private final Clock base;
  private final AtomicLong offsetMillis = new AtomicLong();

  public MockClock(Clock base) {
    this.base = base;
  }

  public static MockClock system() {
    return new MockClock(Clock.systemUTC());
  }

  public Instant now() {
    return base.instant().plusMillis(offsetMillis.get()).truncatedTo(ChronoUnit.MILLIS);
  }

  /** Moves this clock forward; time never goes backwards, so expired things stay expired. */
  public Instant advance(Duration by) {
    if (by.isNegative()) {
      throw ApiError.badRequest("the clock only moves forward");
    }
    offsetMillis.addAndGet(by.toMillis());
    return now();
  }

  /** Jumps to a given instant, if it is not in this clock's past. */
  public Instant set(Instant to) {
    long delta = Duration.between(now(), to).toMillis();
    if (delta < 0) {
      throw ApiError.badRequest("the clock only moves forward");
    }
    offsetMillis.addAndGet(delta);
    return now();
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
