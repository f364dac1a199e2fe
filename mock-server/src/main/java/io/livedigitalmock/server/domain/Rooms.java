package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.common.Validate;
import io.livedigitalmock.server.domain.rooms.Room;
import io.livedigitalmock.server.domain.rooms.RoomFlags;
import io.livedigitalmock.server.domain.rooms.RoomRole;
import io.livedigitalmock.server.domain.rooms.RoomSettings;
import io.livedigitalmock.server.domain.rooms.RoomType;
import io.livedigitalmock.server.domain.rooms.Space;
import java.util.List;
import java.util.Map;

/** createRooms, updateRoom, list/get/delete, room-by-alias, grantRole [guide, sdk]. */
public final class Rooms {

  private final TenantBackend backend;

  Rooms(TenantBackend backend) {
    this.backend = backend;
  }

  /** Space owners and moderators create rooms [assumed]; the creator owns the room. */
  public Room create(Caller caller, String spaceId, RoomSettings settings) {
    String userId = caller.requireUser();
    Validate.notBlank("name", settings.name());
    Validate.optional("redirectUrl", settings.redirectUrl());
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Space space = s.managedSpace(userId, spaceId);
      String alias = backend.ids().alias();
      while (s.roomIdByAlias.containsKey(alias)) {
        alias = backend.ids().alias();
      }
      // The stored space's and user's own id strings, not the request's copies: a room keeps them for life.
      Room room = Room.created(backend.ids().objectId(), alias, space.id(), s.storedUserId(userId),
          settings.name(), settings.type() != null ? settings.type() : RoomType.LESSON,
          settings.isPublic() == null || settings.isPublic(), RoomFlags.everyFlag(settings.flags()), backend.clock().now(),
          redirectUrl(settings.redirectUrl(), null));
      s.rooms.put(room.id(), room);
      s.roomIdByAlias.put(alias, room.id());
      return room;
    }
  }

  /** A public lesson room with a given id and alias: for built-in tenants only. */
  Room fixture(String id, String alias, String spaceId, String creatorId, String name) {
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Room room = Room.created(id, alias, spaceId, creatorId, name, RoomType.LESSON, true,
          RoomFlags.everyFlag(Map.of()), backend.clock().now(), null);
      s.rooms.put(id, room);
      s.roomIdByAlias.put(alias, id);
      return room;
    }
  }

  /**
   * The rooms of a space the caller sees, private ones included: only entering a private room needs
   * a role in it [guide FAQ]; no source hides it from the space's users [assumed, ledger P6].
   */
  public List<Room> list(Caller caller, String spaceId) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      s.visibleSpace(userId, spaceId);
      return s.rooms.values().stream().filter(r -> r.spaceId().equals(spaceId)).toList();
    }
  }

  public Room get(Caller caller, String spaceId, String roomId) {
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      if (caller.kind() != Caller.Kind.USER) {
        return readableWithoutUser(caller, s.space(spaceId), s.room(spaceId, roomId));
      }
      return s.visibleRoom(caller.userId(), spaceId, roomId);
    }
  }

  /** room-by-alias: how the room page finds a room from its link [sdk]. */
  public Room byAlias(Caller caller, String alias) {
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      String roomId = s.roomIdByAlias.get(alias);
      if (roomId == null) {
        throw ApiError.notFound("Room");
      }
      Room room = s.rooms.get(roomId);
      if (caller.kind() != Caller.Kind.USER) {
        return readableWithoutUser(caller, s.space(room.spaceId()), room);
      }
      return s.visibleRoom(caller.userId(), room.spaceId(), roomId);
    }
  }

  /**
   * A client token reads public rooms of public spaces ("a client token may read public entities"
   * [guide FAQ]); a link's guest reads the link's room. Anything else needs a user token.
   */
  private Room readableWithoutUser(Caller caller, Space space, Room room) {
    boolean guestsRoom = caller.kind() == Caller.Kind.GUEST
        && room.id().equals(backend.state().links.get(caller.linkId()).roomId());
    boolean publicRoom = caller.kind() == Caller.Kind.CLIENT && room.isPublic() && space.isPublic();
    if (!guestsRoom && !publicRoom) {
      throw ApiError.forbidden(ApiError.USER_TOKEN_REQUIRED);
    }
    return room;
  }

  /** updateRoom: fields left out keep their value [assumed]. Changing type is deprecated but allowed. */
  public Room update(Caller caller, String spaceId, String roomId, RoomSettings settings) {
    String userId = caller.requireUser();
    if (settings.name() != null) {
      Validate.notBlank("name", settings.name());
    }
    Validate.optional("redirectUrl", settings.redirectUrl());
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Room room = s.managedRoom(userId, spaceId, roomId);
      Room updated = room.withSettings(
          settings.name() != null ? settings.name() : room.name(),
          settings.type() != null ? settings.type() : room.type(),
          settings.isPublic() != null ? settings.isPublic() : room.isPublic(),
          settings.flags(), redirectUrl(settings.redirectUrl(), room.redirectUrl()));
      s.rooms.put(roomId, updated);
      return updated;
    }
  }

  /**
   * {@code redirectUrl} [docs] as stored: absent keeps {@code current}, empty clears it, anything else
   * is kept as sent; the room page follows only http(s) URLs [assumed, ledger P16].
   */
  private static String redirectUrl(String requested, String current) {
    if (requested == null) {
      return current;
    }
    return requested.isBlank() ? null : requested;
  }

  public void delete(Caller caller, String spaceId, String roomId) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      s.removeRoom(s.managedRoom(userId, spaceId, roomId));
    }
  }

  /** grantRole: the target must be a user of this tenant [guide]. */
  public Room grantRole(Caller caller, String spaceId, String roomId, String targetUserId, RoomRole role) {
    String userId = caller.requireUser();
    Validate.notBlank("targetUserId", targetUserId);
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Room room = s.managedRoom(userId, spaceId, roomId);
      s.user(targetUserId);
      if (room.creatorId().equals(targetUserId)) {
        return room;
      }
      Room updated = room.withRole(targetUserId, role);
      s.rooms.put(roomId, updated);
      return updated;
    }
  }

  /** The room with this alias if the user may enter it (the room page): private rooms need a role [guide FAQ]. */
  public Room enterable(Caller caller, String alias) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Room room = byAlias(alias);
      return s.admittedRoom(userId, room.spaceId(), room.id());
    }
  }

  /** The room with this alias, for the room page (no caller: the link token speaks for itself). */
  public Room byAlias(String alias) {
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      String roomId = s.roomIdByAlias.get(alias);
      if (roomId == null) {
        throw ApiError.notFound("Room");
      }
      return s.rooms.get(roomId);
    }
  }

  public boolean exists(String id) {
    synchronized (backend.lock()) {
      return backend.state().rooms.containsKey(id);
    }
  }

  public List<Room> all() {
    synchronized (backend.lock()) {
      return List.copyOf(backend.state().rooms.values());
    }
  }
}
