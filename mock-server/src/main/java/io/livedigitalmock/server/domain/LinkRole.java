package io.livedigitalmock.server.domain;

/** The role an access link gives its unregistered holder [guide: generateAccess]. */
public enum LinkRole implements WireName {
  USER("user"),
  MODERATOR("moderator");

  private final String wire;

  LinkRole(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /** The role its holder has in a call. */
  public ParticipantRole participantRole() {
    return this == MODERATOR ? ParticipantRole.MODERATOR : ParticipantRole.USER;
  }
}
