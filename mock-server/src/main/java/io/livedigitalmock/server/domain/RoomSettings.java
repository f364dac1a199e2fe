package io.livedigitalmock.server.domain;

import java.util.Map;

/** What a create or update request says about a room; null means "not given". */
public record RoomSettings(String name, RoomType type, Boolean isPublic, Map<RoomFlag, Boolean> flags) {

  public RoomSettings {
    flags = Map.copyOf(flags);
  }
}
