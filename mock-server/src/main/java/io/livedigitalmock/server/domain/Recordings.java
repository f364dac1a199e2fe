package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.calls.Call;
import io.livedigitalmock.server.domain.calls.Recording;
import io.livedigitalmock.server.domain.calls.RecordingState;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.rooms.Room;
import io.livedigitalmock.server.domain.rooms.RoomFlag;
import io.livedigitalmock.server.domain.webhooks.EventName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Cloud recordings of calls. The API paths for start/stop/delete are not public [guide], so the mock
 * chose its own [assumed]. Stopping within 3 s of the start aborts the record [docs]; a failed record
 * does not restart by itself [guide FAQ]. Downloads are signed links valid for 24 h [guide].
 */
public final class Recordings {

  public static final Duration ABORT_WINDOW = Duration.ofSeconds(3);
  public static final Duration DOWNLOAD_VALIDITY = Duration.ofHours(24);

  private final TenantBackend backend;

  Recordings(TenantBackend backend) {
    this.backend = backend;
  }

  public Recording start(Caller caller, String spaceId, String roomId) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      return startIn(backend.state().administeredRoom(userId, spaceId, roomId));
    }
  }

  public Recording stop(Caller caller, String spaceId, String roomId) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      return stopIn(backend.state().administeredRoom(userId, spaceId, roomId));
    }
  }

  /** Control plane: start recording in a room, as its moderator would. */
  public Recording start(String roomId) {
    synchronized (backend.lock()) {
      return startIn(roomOrNotFound(roomId));
    }
  }

  /** Control plane: stop the room's recording. */
  public Recording stop(String roomId) {
    synchronized (backend.lock()) {
      return stopIn(roomOrNotFound(roomId));
    }
  }

  /** Control plane: the room's recording fails ({@code record_failed}); nothing restarts it. */
  public Recording fail(String roomId) {
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Recording active = s.activeRecording(roomOrNotFound(roomId).id());
      if (active == null) {
        throw ApiError.conflict("No recording in progress in this room");
      }
      Recording failed = active.ended(RecordingState.FAILED, 0, backend.clock().now());
      s.recordings.put(failed.id(), failed);
      s.activeRecordingIdByRoom.remove(roomId);
      backend.emit(EventName.RECORD_FAILED, failed.spaceId(), failed.roomId(), failed.id());
      return failed;
    }
  }

  /** GetRecords: a room's records, optionally only those created in [dateFrom, dateTo]. */
  public List<Recording> list(Caller caller, String spaceId, String roomId, Instant from, Instant to) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      s.administeredRoom(userId, spaceId, roomId);
      return s.recordings.values().stream()
          .filter(r -> r.roomId().equals(roomId))
          .filter(r -> from == null || !r.createdAt().isBefore(from))
          .filter(r -> to == null || !r.createdAt().isAfter(to))
          .toList();
    }
  }

  public void delete(Caller caller, String spaceId, String roomId, String recordId) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      s.administeredRoom(userId, spaceId, roomId);
      Recording r = ofRoom(roomId, recordId);
      if (r.isActive()) {
        throw ApiError.conflict("Stop the recording before deleting it");
      }
      s.recordings.remove(recordId);
    }
  }

  /** RedirectToDownloadRoomRecord: a signed link to the file, valid 24 h by this tenant's clock. */
  public String downloadUrl(Caller caller, String spaceId, String roomId, String recordId, String requestBase) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      backend.state().administeredRoom(userId, spaceId, roomId);
      Recording r = ofRoom(roomId, recordId);
      if (r.state() != RecordingState.FINISHED) {
        throw ApiError.conflict("Record " + recordId + " has no file (state " + r.state().wire() + ")");
      }
      long expires = backend.clock().now().plus(DOWNLOAD_VALIDITY).getEpochSecond();
      String path = filePath(recordId);
      return backend.linkBase(requestBase) + path + "?expires=" + expires + "&signature="
          + backend.server().signer().sign(path + "|" + expires);
    }
  }

  /** Checks a download link: forged → 403, expired → 410, no such finished record → 404. */
  public Recording verifyDownload(String recordId, long expires, String signature) {
    if (!backend.server().signer().verify(filePath(recordId) + "|" + expires, signature)) {
      throw ApiError.forbidden("Invalid download link");
    }
    if (backend.clock().now().getEpochSecond() >= expires) {
      throw ApiError.gone("Download link expired");
    }
    synchronized (backend.lock()) {
      Recording r = backend.state().recordings.get(recordId);
      if (r == null || r.state() != RecordingState.FINISHED) {
        throw ApiError.notFound("Record");
      }
      return r;
    }
  }

  /** Where the mock serves a record's file; the tenant is part of the path so links need no token. */
  public String filePath(String recordId) {
    return "/media/" + backend.clientObjectId() + "/records/" + recordId + ".mp4";
  }

  /** The room's recording under way, or null. */
  public Recording active(String roomId) {
    synchronized (backend.lock()) {
      return backend.state().activeRecording(roomId);
    }
  }

  public List<Recording> all() {
    synchronized (backend.lock()) {
      return List.copyOf(backend.state().recordings.values());
    }
  }

  /** Under the lock: a new recording of the room's current call. */
  Recording begin(Room room, Call call, Instant now) {
    TenantState s = backend.state();
    Recording r = new Recording(backend.ids().objectId(), room.name() + " " + now, 0, room.id(),
        room.spaceId(), call.id(), RecordingState.STARTED, now, now, null);
    s.recordings.put(r.id(), r);
    s.activeRecordingIdByRoom.put(room.id(), r.id());
    backend.emit(EventName.RECORD_STARTED, r.spaceId(), r.roomId(), r.id());
    failIfScripted(r, now);
    return r;
  }

  /**
   * A fault rule on recordings may make the one just started fail in the same moment: whoever started
   * it is told it started, then {@code record_failed} follows, as when the real one fails mid-call.
   */
  private void failIfScripted(Recording started, Instant now) {
    if (backend.server().faults().decideRecording(backend.clientId(), now,
        backend.server().serverClock().now()) != null) {
      Recording failed = started.ended(RecordingState.FAILED, 0, now);
      backend.state().recordings.put(failed.id(), failed);
      backend.state().activeRecordingIdByRoom.remove(failed.roomId());
      backend.emit(EventName.RECORD_FAILED, failed.spaceId(), failed.roomId(), failed.id());
    }
  }

  /** Under the lock: stops a recording; within 3 s of its start that is an abort. */
  Recording end(Recording active, Instant now) {
    TenantState s = backend.state();
    boolean aborted = Duration.between(active.startedAt(), now).compareTo(ABORT_WINDOW) < 0;
    Recording ended = aborted ? active.ended(RecordingState.ABORTED, 0, now)
        : active.ended(RecordingState.FINISHED, backend.server().recordingFileSize(), now);
    s.recordings.put(ended.id(), ended);
    s.activeRecordingIdByRoom.remove(active.roomId());
    backend.emit(aborted ? EventName.RECORD_ABORTED : EventName.RECORD_FINISHED, ended.spaceId(),
        ended.roomId(), ended.id());
    return ended;
  }

  private Recording startIn(Room room) {
    TenantState s = backend.state();
    if (!room.flag(RoomFlag.IS_RECORD_ALLOWED)) {
      throw ApiError.forbidden("Recording is not allowed in this room");
    }
    Call call = s.activeCall(room.id());
    if (call == null) {
      throw ApiError.conflict("No active call in this room");
    }
    if (s.activeRecording(room.id()) != null) {
      throw ApiError.conflict("A recording is already in progress in this room");
    }
    return begin(room, call, backend.clock().now());
  }

  private Recording stopIn(Room room) {
    Recording active = backend.state().activeRecording(room.id());
    if (active == null) {
      throw ApiError.conflict("No recording in progress in this room");
    }
    return end(active, backend.clock().now());
  }

  private Room roomOrNotFound(String roomId) {
    Room room = backend.state().rooms.get(roomId);
    if (room == null) {
      throw ApiError.notFound("Room");
    }
    return room;
  }

  private Recording ofRoom(String roomId, String recordId) {
    Recording r = backend.state().recordings.get(recordId);
    if (r == null || !r.roomId().equals(roomId)) {
      throw ApiError.notFound("Record");
    }
    return r;
  }
}
