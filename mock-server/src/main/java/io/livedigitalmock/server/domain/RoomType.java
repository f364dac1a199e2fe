package io.livedigitalmock.server.domain;

/** lesson: everyone may publish; webinar: only owner and moderators broadcast [guide]. */
public enum RoomType implements WireName {
  LESSON("lesson"),
  WEBINAR("webinar");

  private final String wire;

  RoomType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
