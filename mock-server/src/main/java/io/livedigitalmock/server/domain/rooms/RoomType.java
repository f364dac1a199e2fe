package io.livedigitalmock.server.domain.rooms;

import io.livedigitalmock.server.domain.common.Validate;

/**
 * {@code lesson}: everyone may publish; {@code webinar}: only owner and moderators broadcast [guide].
 * Another value is stored and answered as sent [assumed: no source says the real API refuses one].
 */
public record RoomType(String wire) {

  public static final RoomType LESSON = new RoomType("lesson");
  public static final RoomType WEBINAR = new RoomType("webinar");

  public RoomType {
    Validate.notBlank("type", wire);
  }

  /** The type named {@code wire}, or null when none was sent; the two known types are shared by every room. */
  public static RoomType of(String wire) {
    if (wire == null) {
      return null;
    }
    return switch (wire) {
      case "lesson" -> LESSON;
      case "webinar" -> WEBINAR;
      default -> new RoomType(wire);
    };
  }
}
