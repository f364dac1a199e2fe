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
    participantIds = List.copyOf(participantIds);
  }

  public boolean isActive() {
    return finishedAt == null;
  }

  public Call withParticipant(String participantId, int inRoomNow) {
    var ids = new java.util.ArrayList<>(participantIds);
    ids.add(participantId);
    return new Call(id, spaceId, roomId, startedAt, finishedAt, ids, Math.max(peakParticipants, inRoomNow));
  }

  public Call finished(Instant at) {
    return new Call(id, spaceId, roomId, startedAt, at, participantIds, peakParticipants);
  }
}
