package io.livedigitalmock.server.domain.rooms;

import io.livedigitalmock.server.domain.common.WireName;

/** A user's role in a room, granted with grantRole [guide]; OWNER is only ever the creator. */
public enum RoomRole implements WireName {
  USER("role_room_user"),
  MODERATOR("role_room_moderator"),
  OWNER("role_room_owner");

  private final String wire;

  RoomRole(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /**
   * What grantRole grants for {@code value}: the guide's two roles; anything else, the owner's role
   * included (only ever the creator's), is the least: {@code role_room_user} [assumed, ledger E3].
   */
  public static RoomRole grantable(String value) {
    RoomRole role = WireName.parseOr(RoomRole.class, value, USER);
    return role == OWNER ? USER : role;
  }
}
