package io.livedigitalmock.junit;

import java.time.Duration;
import java.time.Instant;

/**
 * The tenant's clock (token expiry, link ttl, timestamps). It only moves forward; a reset puts it back
 * to real time. Cached tokens of the handle are fetched anew after it moved.
 */
public final class ClockControl {

  private final Livedigital mock;

  ClockControl(Livedigital mock) {
    this.mock = mock;
  }

  public Instant now() {
    return Instant.parse(mock.http().get(mock.tenantPath() + "/clock", null).path("now").asText());
  }

  /** Moves the clock forward (millisecond precision); answers the new time. */
  public Instant advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the mock's clock only moves forward, not by " + by);
    }
    return move(JsonHttp.object().put("advanceSeconds", by.toMillis() / 1000.0));
  }

  /** Sets the clock to {@code to}, which must not be before {@link #now()}. */
  public Instant set(Instant to) {
    return move(JsonHttp.object().put("now", to.toString()));
  }

  private Instant move(com.fasterxml.jackson.databind.node.ObjectNode body) {
    Instant now = Instant.parse(mock.http().post(mock.tenantPath() + "/clock", body, null).path("now").asText());
    mock.clockMoved();
    return now;
  }
}
