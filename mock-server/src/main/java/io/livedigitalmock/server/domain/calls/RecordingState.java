package io.livedigitalmock.server.domain.calls;

import io.livedigitalmock.server.domain.common.WireName;

/** A record's {@code state}; the guide's sample shows {@code new}; the rest are the mock's [assumed]. */
public enum RecordingState implements WireName {
  NEW("new"),
  STARTED("started"),
  FINISHED("finished"),
  ABORTED("aborted"),
  FAILED("failed");

  private final String wire;

  RecordingState(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
