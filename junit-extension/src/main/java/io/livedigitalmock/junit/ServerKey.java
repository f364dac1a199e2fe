package io.livedigitalmock.junit;

import java.time.Duration;

/**
 * What makes two test classes need different servers. Everything else (plan, seed data, tenant per
 * method) is per tenant, so classes differing only in that share one server.
 */
record ServerKey(Mode mode, int port, Duration webhookRetryInterval, String image) {

  static ServerKey of(Settings s) {
    return new ServerKey(s.mode(), s.port(), s.webhookRetryInterval(),
        s.mode() == Mode.CONTAINER ? s.image() : "");
  }

  @Override
  public String toString() {
    return mode + (mode == Mode.CONTAINER ? " " + image : "") + (port == 0 ? " on a free port" : " on port " + port)
        + ", webhook retry interval " + webhookRetryInterval.toMillis() + " ms";
  }
}
