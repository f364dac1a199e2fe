package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.rooms.Room;
import io.livedigitalmock.server.domain.rooms.RoomRole;
import io.vertx.core.buffer.Buffer;

/**
 * The bytes of a room's JSON ({@link Views#room}), remembered. A room is an immutable snapshot (a
 * change stores a new one), and its view depends only on it and on the viewer's role in it, so the
 * bytes made for one (room, role) are right for as long as anyone holds that room. Reading a room
 * is what clients do most; encoding it was a fifth of the cost of the request.
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
    if (entry == null || entry.room != room || entry.role != role) {
      entry = new Entry(room, role, WireJson.encode(Views.room(room, viewerId)).getBytes());
      table[slot] = entry;
    }
    return Buffer.buffer(entry.json);
  }
}
