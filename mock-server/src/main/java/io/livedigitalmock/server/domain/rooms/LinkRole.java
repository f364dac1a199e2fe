package io.livedigitalmock.server.domain.rooms;

import io.livedigitalmock.server.domain.common.WireName;

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

  /** The role named {@code wire}; an unknown one is the least: {@code user} [assumed, ledger E3]. */
  public static LinkRole of(String wire) {
    return WireName.parseOr(LinkRole.class, wire, USER);
  }

  /** The role its holder has in a call. */
  public ParticipantRole participantRole() {
    return this == MODERATOR ? ParticipantRole.MODERATOR : ParticipantRole.USER;
  }
}
