package io.livedigitalmock.server.domain.rooms;

import java.util.Map;

/**
 * What a create or update request says about a room; null means "not given". An empty
 * {@code redirectUrl} clears it.
 */
public record RoomSettings(String name, RoomType type, Boolean isPublic, Map<RoomFlag, Boolean> flags,
                           String redirectUrl) {

  public RoomSettings {
    flags = Map.copyOf(flags);
  }
}
