package io.livedigitalmock.server.domain.calls;

import java.time.Instant;

/** A cloud recording of a call ("RoomRecord" in the guide). */
public record Recording(String id, String name, long fileSize, String roomId, String spaceId, String callId,
                        RecordingState state, Instant createdAt, Instant startedAt, Instant finishedAt) {

  public boolean isActive() {
    return state == RecordingState.STARTED;
  }

  public Recording ended(RecordingState end, long size, Instant at) {
    return new Recording(id, name, size, roomId, spaceId, callId, end, createdAt, startedAt, at);
  }
}
