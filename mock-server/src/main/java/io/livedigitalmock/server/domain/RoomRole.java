package io.livedigitalmock.server.domain;

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

  /** The roles grantRole accepts: the owner role is not grantable. */
  public static RoomRole grantable(String value) {
    RoomRole role = WireName.parse(RoomRole.class, "role", value);
    if (role == OWNER) {
      throw ApiError.badRequest("role must be one of: role_room_user, role_room_moderator");
    }
    return role;
  }
}
