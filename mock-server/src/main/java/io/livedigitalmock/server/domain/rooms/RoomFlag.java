package io.livedigitalmock.server.domain.rooms;

/**
 * The boolean settings of a room, under their API names [guide, docs], with the value a new room
 * takes when the create request leaves them out [assumed].
 */
public enum RoomFlag {
  IS_SCREENSHARING_ALLOWED("isScreensharingAllowed", true),
  IS_CHAT_ALLOWED("isChatAllowed", true),
  IS_RECORD_ALLOWED("isRecordAllowed", true),
  IS_AUTO_RECORDING_ALLOWED("isAutoRecordingAllowed", false),
  IS_MICROPHONE_PUBLISHING_ALLOWED("isMicrophonePublishingAllowed", true),
  IS_SCREEN_MEDIA_PUBLISHING_ALLOWED("isScreenMediaPublishingAllowed", true),
  IS_CAMERA_PUBLISHING_ALLOWED("isCameraPublishingAllowed", true),
  IS_AVATARS_ALLOWED("isAvatarsAllowed", true),
  IS_SELF_RENAMING_ALLOWED("isSelfRenamingAllowed", true),
  IS_HAND_RAISING_ALLOWED("isHandRaisingAllowed", true),
  IS_REMOTE_DRAWING_ALLOWED("isRemoteDrawingAllowed", false),
  IS_FAVORITE("isFavorite", false);

  private final String field;
  private final boolean defaultValue;

  RoomFlag(String field, boolean defaultValue) {
    this.field = field;
    this.defaultValue = defaultValue;
  }

  public String field() {
    return field;
  }

  public boolean defaultValue() {
    return defaultValue;
  }
}
