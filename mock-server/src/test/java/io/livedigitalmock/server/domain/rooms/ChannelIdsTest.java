package io.livedigitalmock.server.domain.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.domain.common.IdSource;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A room's channel id, derived from its id: what the SDK apps read must stay a distinct 24-hex id. */
class ChannelIdsTest {

  @Test
  void everyRoomOfATenantGetsItsOwnChannelIdWithTheTenantsPrefix() {
    IdSource ids = IdSource.derived(7, "data", "client-a", "0123456789");
    Set<String> channels = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String roomId = ids.objectId();
      String channel = ChannelIds.of(roomId);
      assertTrue(channel.matches("0123456789[0-9a-f]{14}"), channel);
      assertNotEquals(roomId, channel);
      assertTrue(channels.add(channel), "a channel id given twice: " + channel);
    }
    for (String edge : new String[] {"012345678900000000000000", "0123456789ffffffffffffff"}) {
      assertTrue(ChannelIds.of(edge).matches("0123456789[0-9a-f]{14}"), "leading zeros kept: " + ChannelIds.of(edge));
      assertNotEquals(edge, ChannelIds.of(edge));
    }
  }

  @Test
  void anIdOfAnotherShapeStillGetsA24HexChannelId() {
    assertTrue(ChannelIds.of("sdk-room").matches("[0-9a-f]{24}"));
    assertNotEquals(ChannelIds.of("sdk-room"), ChannelIds.of("sdk-room2"));
  }

  @Test
  void aRestoredChannelIdThatIsNotTheDerivedOneIsKept() {
    Instant at = Instant.parse("2026-01-02T03:04:05.678Z");
    Room derived = Room.restored("0123456789abcdef01234567", "Alias12345", ChannelIds.of("0123456789abcdef01234567"),
        "s", "u", "n", RoomType.LESSON, true, RoomFlags.everyFlag(Map.of()), "nobody", at, null, Map.of(), null);
    assertNull(derived.channelIdOverride(), "the derived one is not kept twice");
    assertEquals(ChannelIds.of(derived.id()), derived.channelId());
    assertEquals(at, derived.createdAt());
    assertNull(derived.lastCallAt());
    assertEquals("nobody", derived.waitingRoomAudience());

    Room saved = Room.restored("0123456789abcdef01234567", "Alias12345", "0123456789ffffffffffffff", "s", "u", "n",
        RoomType.LESSON, true, RoomFlags.everyFlag(Map.of()), "everyone", at, at, Map.of(), null);
    assertEquals("0123456789ffffffffffffff", saved.channelId());
    assertEquals("everyone", saved.waitingRoomAudience());
    assertEquals(at, saved.withLastCallAt(at).lastCallAt());
  }
}
