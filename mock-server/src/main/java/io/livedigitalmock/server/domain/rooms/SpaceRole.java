package io.livedigitalmock.server.domain.rooms;

import io.livedigitalmock.server.domain.common.WireName;

/** A user's role in a space, granted by activating an invite [guide]. */
public enum SpaceRole implements WireName {
  MODERATOR("role_space_moderator"),
  USER("role_space_user");

  private final String wire;

  SpaceRole(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /** The role named {@code wire}; an unknown one is the least: {@code role_space_user} [assumed, ledger E3]. */
  public static SpaceRole of(String wire) {
    return WireName.parseOr(SpaceRole.class, wire, USER);
  }
}
