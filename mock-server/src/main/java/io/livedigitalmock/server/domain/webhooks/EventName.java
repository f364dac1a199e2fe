package io.livedigitalmock.server.domain.webhooks;

import io.livedigitalmock.server.domain.common.WireName;

/** The webhook events [guide; record_aborted from docs]. */
public enum EventName implements WireName {
  CALL_STARTED("call_started"),
  CALL_FINISHED("call_finished"),
  RECORD_STARTED("record_started"),
  RECORD_FINISHED("record_finished"),
  RECORD_ABORTED("record_aborted"),
  RECORD_FAILED("record_failed");

  private final String wire;

  EventName(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  public boolean isRecordEvent() {
    return this != CALL_STARTED && this != CALL_FINISHED;
  }
}
