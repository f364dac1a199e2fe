package io.livedigitalmock.server.domain.rooms;

import io.livedigitalmock.server.domain.common.Footprint;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A room's boolean settings as two bit sets over {@link RoomFlag}'s ordinals: which flags were given,
 * and which of those are on; a flag not given has its default. A room keeps this instead of a map, which
 * took a quarter of what a stored room holds.
 */
public record RoomFlags(int given, int on) implements Footprint.Canonical {

  private static final int EVERY = (1 << RoomFlag.values().length) - 1;
  /**
   * The flags with every one given, one instance per set of values, made when first asked for: what
   * stored rooms hold, so that thousands of rooms share a few of these. Set once each (the first one
   * made wins), so that whether an instance is shared never changes while a room holds it.
   */
  private static final AtomicReferenceArray<RoomFlags> EVERY_GIVEN = new AtomicReferenceArray<>(EVERY + 1);

  /** Every flag given: as {@code values} gives it, else at its default (what a new room stores). */
  public static RoomFlags everyFlag(Map<RoomFlag, Boolean> values) {
    int on = 0;
    for (RoomFlag flag : RoomFlag.values()) {
      on |= values.getOrDefault(flag, flag.defaultValue()) ? 1 << flag.ordinal() : 0;
    }
    return valueOf(EVERY, on);
  }

  private static RoomFlags valueOf(int given, int on) {
    if (given != EVERY) {
      return new RoomFlags(given, on);
    }
    RoomFlags shared = EVERY_GIVEN.get(on);
    if (shared == null) {
      EVERY_GIVEN.compareAndSet(on, null, new RoomFlags(given, on));
      shared = EVERY_GIVEN.get(on);
    }
    return shared;
  }

  /** The flags {@code flags} gives (a null value counts as not given). */
  public static RoomFlags of(Map<RoomFlag, Boolean> flags) {
    return new RoomFlags(0, 0).with(flags);
  }

  /** These flags, changed where {@code changed} gives a value. */
  public RoomFlags with(Map<RoomFlag, Boolean> changed) {
    int given = this.given;
    int on = this.on;
    for (Map.Entry<RoomFlag, Boolean> e : changed.entrySet()) {
      if (e.getValue() != null) {
        int bit = 1 << e.getKey().ordinal();
        given |= bit;
        on = e.getValue() ? on | bit : on & ~bit;
      }
    }
    return valueOf(given, on);
  }

  /** One of the instances every room with every flag given shares. */
  @Override
  public boolean isShared() {
    return given == EVERY && EVERY_GIVEN.get(on) == this;
  }

  /** The flag's value, or its default when it was never given. */
  public boolean get(RoomFlag flag) {
    int bit = 1 << flag.ordinal();
    return (given & bit) != 0 ? (on & bit) != 0 : flag.defaultValue();
  }

  /** The flags given, with their values. */
  public Map<RoomFlag, Boolean> asMap() {
    Map<RoomFlag, Boolean> map = new EnumMap<>(RoomFlag.class);
    for (RoomFlag flag : RoomFlag.values()) {
      if ((given & 1 << flag.ordinal()) != 0) {
        map.put(flag, (on & 1 << flag.ordinal()) != 0);
      }
    }
    return map;
  }
}
