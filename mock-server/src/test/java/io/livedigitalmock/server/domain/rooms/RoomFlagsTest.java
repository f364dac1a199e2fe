package io.livedigitalmock.server.domain.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A room's flags as bits read as the map they replace did: given values, else each flag's default. */
class RoomFlagsTest {

  @Test
  void aFlagNeverGivenReadsItsDefault() {
    RoomFlags flags = RoomFlags.of(Map.of(RoomFlag.IS_CHAT_ALLOWED, false));
    assertFalse(flags.get(RoomFlag.IS_CHAT_ALLOWED));
    for (RoomFlag flag : RoomFlag.values()) {
      if (flag != RoomFlag.IS_CHAT_ALLOWED) {
        assertEquals(flag.defaultValue(), flags.get(flag), flag.field());
      }
    }
    assertEquals(Map.of(RoomFlag.IS_CHAT_ALLOWED, false), flags.asMap(), "a saved room keeps only what was given");
  }

  @Test
  void anUpdateChangesOnlyTheFlagsItGives() {
    Map<RoomFlag, Boolean> all = new EnumMap<>(RoomFlag.class);
    for (RoomFlag flag : RoomFlag.values()) {
      all.put(flag, !flag.defaultValue());
    }
    Map<RoomFlag, Boolean> change = new HashMap<>();
    change.put(RoomFlag.IS_FAVORITE, false);
    change.put(RoomFlag.IS_RECORD_ALLOWED, null);   // not given
    RoomFlags updated = RoomFlags.of(all).with(change);
    assertFalse(updated.get(RoomFlag.IS_FAVORITE));
    assertFalse(updated.get(RoomFlag.IS_RECORD_ALLOWED), "left as it was: the opposite of its default");
    assertTrue(updated.get(RoomFlag.IS_REMOTE_DRAWING_ALLOWED));
    assertEquals(RoomFlag.values().length, updated.asMap().size());
  }

  @Test
  void aNewRoomGivesEveryFlagItsDefaultUnlessTheRequestSetsIt() {
    RoomFlags flags = RoomFlags.everyFlag(Map.of(RoomFlag.IS_FAVORITE, true));
    assertEquals(RoomFlag.values().length, flags.asMap().size(), "every flag is saved");
    assertTrue(flags.get(RoomFlag.IS_FAVORITE));
    assertEquals(RoomFlag.IS_CHAT_ALLOWED.defaultValue(), flags.get(RoomFlag.IS_CHAT_ALLOWED));
    assertEquals(RoomFlag.IS_AUTO_RECORDING_ALLOWED.defaultValue(), flags.get(RoomFlag.IS_AUTO_RECORDING_ALLOWED));
  }

  @Test
  void roomsWithTheSameFlagsShareOneInstance() {
    RoomFlags defaults = RoomFlags.everyFlag(Map.of());
    assertSame(defaults, RoomFlags.everyFlag(new HashMap<>()), "what thousands of stored rooms hold, once");
    RoomFlags noChat = defaults.with(Map.of(RoomFlag.IS_CHAT_ALLOWED, false));
    assertSame(noChat, RoomFlags.everyFlag(Map.of(RoomFlag.IS_CHAT_ALLOWED, false)));
    assertSame(defaults, noChat.with(Map.of(RoomFlag.IS_CHAT_ALLOWED, true)));
  }

  @Test
  void sharedFlagsCostTheirRoomsNothingAndOthersTheirSize() {
    RoomFlags everyGiven = RoomFlags.everyFlag(Map.of(RoomFlag.IS_CHAT_ALLOWED, false));
    assertTrue(everyGiven.isShared());
    assertEquals(0, io.livedigitalmock.server.domain.common.Footprint.of(everyGiven));
    RoomFlags someGiven = RoomFlags.of(Map.of(RoomFlag.IS_CHAT_ALLOWED, false));
    assertFalse(someGiven.isShared(), "a restored room's own flags");
    assertTrue(io.livedigitalmock.server.domain.common.Footprint.of(someGiven) > 0);
    assertFalse(new RoomFlags(everyGiven.given(), everyGiven.on()).isShared(), "equal, not the shared instance");
  }
}
