package io.livedigitalmock.server.control;

import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.calls.Call;
import io.livedigitalmock.server.domain.calls.JoinRequest;
import io.livedigitalmock.server.domain.calls.Participant;
import io.livedigitalmock.server.domain.calls.Recording;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.rooms.ParticipantRole;
import io.livedigitalmock.server.domain.rooms.Plan;
import io.livedigitalmock.server.http.RequestBody;
import io.livedigitalmock.server.http.Responses;
import io.livedigitalmock.server.http.StreamedJson;
import io.livedigitalmock.server.http.Views;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Makes happen what the real service does on its own: people join and leave, calls end, recordings
 * start, stop and fail. Rooms, spaces and participants are named by id alone (ids are unique across
 * tenants), so scripts need not know the tenant.
 */
final class SimulationControl {

  private final TenantRegistry registry;

  SimulationControl(TenantRegistry registry) {
    this.registry = registry;
  }

  void mount(Router r) {
    r.get("/rooms/:roomId").handler(this::roomState);
    r.post("/rooms/:roomId/participants").handler(this::join);
    r.post("/participants/:participantId/join").handler(ctx -> Responses.ok(ctx, Views.participant(
        byParticipant(ctx).backend().participants().connect(ctx.pathParam("participantId")))));
    r.post("/participants/:participantId/leave").handler(ctx -> Responses.ok(ctx, Views.participant(
        byParticipant(ctx).backend().participants().leave(ctx.pathParam("participantId")))));
    r.post("/rooms/:roomId/end-call").handler(ctx -> Responses.ok(ctx, Views.call(
        byRoom(ctx).backend().participants().endCall(ctx.pathParam("roomId")))));
    r.post("/rooms/:roomId/recording/start").handler(ctx -> Responses.created(ctx, Views.recording(
        byRoom(ctx).backend().recordings().start(ctx.pathParam("roomId")))));
    r.post("/rooms/:roomId/recording/stop").handler(ctx -> Responses.ok(ctx, Views.recording(
        byRoom(ctx).backend().recordings().stop(ctx.pathParam("roomId")))));
    r.post("/rooms/:roomId/recording/fail").handler(ctx -> Responses.ok(ctx, Views.recording(
        byRoom(ctx).backend().recordings().fail(ctx.pathParam("roomId")))));
    r.put("/spaces/:spaceId/plan").handler(this::setPlan);
  }

  /** {@code {name*, role: user|moderator|owner, email, phone, externalUserId, externalMeetingId}}. */
  private void join(RoutingContext ctx) {
    RequestBody body = RequestBody.of(ctx);
    JoinRequest who = new JoinRequest(body.requiredString("name"), body.string("role"),
        body.string("email"), body.string("phone"), body.string("externalUserId"),
        body.string("externalMeetingId"));
    Responses.created(ctx, Views.participant(
        byRoom(ctx).backend().participants().simulateJoin(ctx.pathParam("roomId"), who)));
  }

  /** Who is in the room now, the call and recording under way, and the room's past calls. */
  private void roomState(RoutingContext ctx) {
    String roomId = ctx.pathParam("roomId");
    var backend = byRoom(ctx).backend();
    Call call = backend.participants().activeCall(roomId);
    Recording recording = backend.recordings().all().stream()
        .filter(x -> x.roomId().equals(roomId) && x.isActive()).findFirst().orElse(null);
    List<Participant> inRoom = backend.participants().inRoom(roomId);
    List<Participant> waiting = backend.participants().notYetJoined(roomId);
    List<Call> calls = backend.participants().calls(roomId);
    // a room may hold most of the stored data in participants: written as the client takes it
    StreamedJson.send(ctx, inRoom.size() + waiting.size() + calls.size(), StreamedJson.parts(g -> {
      g.writeStartObject();
      g.writeStringField("roomId", roomId);
      g.writeFieldName("activeCall");
      StreamedJson.writeObject(g, call == null ? null : Views.call(call));
      g.writeFieldName("activeRecording");
      StreamedJson.writeObject(g, recording == null ? null : Views.recording(recording));
      g.writeArrayFieldStart("participants");
    }), StreamedJson.each(inRoom, (g, p) -> StreamedJson.writeObject(g, Views.participant(p))),
        StreamedJson.parts(g -> {
          g.writeEndArray();
          g.writeArrayFieldStart("notYetJoined");
        }), StreamedJson.each(waiting, (g, p) -> StreamedJson.writeObject(g, Views.participant(p))),
        StreamedJson.parts(g -> {
          g.writeEndArray();
          g.writeArrayFieldStart("calls");
        }), StreamedJson.each(calls, (g, c) -> StreamedJson.writeObject(g, Views.call(c))),
        StreamedJson.parts(g -> {
          g.writeEndArray();
          g.writeEndObject();
        }));
  }

  private void setPlan(RoutingContext ctx) {
    Plan plan = RequestBody.of(ctx).enumValue(Plan.class, "plan");
    if (plan == null) {
      throw ApiError.badRequest("plan must not be empty");
    }
    String spaceId = ctx.pathParam("spaceId");
    Responses.ok(ctx, Views.space(registry.bySpaceId(spaceId).backend().spaces().setPlan(spaceId, plan)));
  }

  private Tenant byRoom(RoutingContext ctx) {
    return registry.byRoomId(ctx.pathParam("roomId"));
  }

  private Tenant byParticipant(RoutingContext ctx) {
    return registry.byParticipantId(ctx.pathParam("participantId"));
  }
}
