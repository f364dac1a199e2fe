package io.livedigitalmock.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.livedigitalmock.server.domain.rooms.Room;
import io.livedigitalmock.server.domain.rooms.RoomFlag;
import io.livedigitalmock.server.domain.rooms.RoomRole;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * A room's JSON: what the guide shows (id, alias, channelId) and what the SDKs and the add-in read.
 * Written straight to Jackson's generator, not built as a JsonObject first: a room is the largest
 * thing the hottest requests answer, and building its tree was most of the cost of encoding it.
 *
 * <p>The bytes are remembered. A room is an immutable snapshot (a change stores a new one), and its
 * view depends only on it and on the viewer's role in it, so the bytes made for one (room, role) are
 * right for as long as anyone holds that room. Reading a room is what clients do most; encoding it
 * was a fifth of the cost of the request.
 *
 * <p>Each event loop keeps its own small table, indexed by the room's identity: no lock, and at
 * most {@link #SLOTS} views per thread (a few hundred KB), the newest replacing whatever shares its slot.
 */
final class RoomJson {

  static final int SLOTS = 256;

  private record Entry(Room room, RoomRole role, byte[] json) {
  }

  private static final ThreadLocal<Entry[]> TABLE = ThreadLocal.withInitial(() -> new Entry[SLOTS]);

  private RoomJson() {
  }

  /** The room as {@code viewerId} (null: no user) sees it. */
  static Buffer of(Room room, String viewerId) {
    RoomRole role = viewerId == null ? null : room.roleOf(viewerId);
    Entry[] table = TABLE.get();
    int slot = (System.identityHashCode(room) * 31 + (role == null ? 0 : role.ordinal() + 1)) & (SLOTS - 1);
    Entry entry = table[slot];
    if (entry != null && entry.room == room && entry.role == role) {
      return Buffer.buffer(entry.json);
    }
    Buffer json = WireJson.buffer(g -> write(g, room, role));
    table[slot] = new Entry(room, role, json.getBytes());
    return json;
  }

  /** Writes rooms, each as {@code viewerId} sees it, into a list ({@link StreamedJson}). */
  static StreamedJson.ItemWriter<Room> seenBy(String viewerId) {
    return (g, room) -> write(g, room, viewerId == null ? null : room.roleOf(viewerId));
  }

  /** The full Room object of the newer docs, with {@code roleInRoom} the viewer's {@code role}. */
  private static void write(JsonGenerator g, Room r, RoomRole role) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", r.id());
    g.writeNullField("appId");
    g.writeStringField("channelId", r.channelId());
    g.writeStringField("alias", r.alias());
    g.writeStringField("name", r.name());
    g.writeBooleanField("isPublic", r.isPublic());
    g.writeStringField("spaceId", r.spaceId());
    g.writeNullField("templateId");
    g.writeNullField("parentRoomId");
    for (RoomFlag flag : RoomFlag.values()) {
      g.writeBooleanField(flag.field(), r.flag(flag));
    }
    g.writeStringField("type", r.type().wire());
    g.writeStringField("waitingRoomAudience", r.waitingRoomAudience());
    g.writeObjectFieldStart("breakoutRooms");
    g.writeStringField("status", "inactive");
    g.writeObjectFieldStart("session");
    g.writeStringField("status", "inactive");
    g.writeNullField("startedAt");
    g.writeEndObject();
    g.writeEndObject();
    g.writeObjectFieldStart("joinSettings");
    g.writeArrayFieldStart("fields");
    g.writeEndArray();
    g.writeArrayFieldStart("customFields");
    g.writeEndArray();
    g.writeEndObject();
    g.writeStringField("lastCallAt", Views.time(r.lastCallAt()));
    g.writeStringField("createdAt", Views.time(r.createdAt()));
    g.writeStringField("roleInRoom", role == null ? null : role.wire());
    g.writeStringField("redirectUrl", r.redirectUrl());
    g.writeEndObject();
  }
}
