package io.livedigitalmock.server.domain.calls;

import java.time.Instant;
import java.util.List;

/**
 * A call: made when the first participant enters a room, finished when the last one leaves; each has
 * its own id [guide FAQ]. {@code participantIds} lists everyone who was in it, in order of joining;
 * {@code peakParticipants} is the most who were in at once.
 */
public record Call(String id, String spaceId, String roomId, Instant startedAt, Instant finishedAt,
                   List<String> participantIds, int peakParticipants) {

  public Call {
    participantIds = JoinOrder.of(participantIds);
  }

  public boolean isActive() {
    return finishedAt == null;
  }

  /** The call after one more joined, {@code inRoomNow} with them; costs the same however many came before. */
  public Call withParticipant(String participantId, int inRoomNow) {
    return new Call(id, spaceId, roomId, startedAt, finishedAt, ((JoinOrder) participantIds).with(participantId),
        Math.max(peakParticipants, inRoomNow));
  }

  public Call finished(Instant at) {
    return new Call(id, spaceId, roomId, startedAt, at, participantIds, peakParticipants);
  }
}
