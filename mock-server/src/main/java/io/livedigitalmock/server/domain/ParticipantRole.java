package io.livedigitalmock.server.domain;

/** The role a participant has in a call: moderators (and the room's owner) start auto-recording. */
public enum ParticipantRole implements WireName {
  USER("user"),
  MODERATOR("moderator"),
  OWNER("owner");

  private final String wire;

  ParticipantRole(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  public boolean moderates() {
    return this != USER;
  }
}
