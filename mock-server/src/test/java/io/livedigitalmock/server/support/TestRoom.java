package io.livedigitalmock.server.support;

/** A created room: where it lives and the three things createRooms answers [guide]. */
public record TestRoom(String spaceId, String id, String alias, String channelId) {
}
