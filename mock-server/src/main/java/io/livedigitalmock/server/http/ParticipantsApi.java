package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Authenticated;
import io.livedigitalmock.server.domain.calls.Participant;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** How the SDK clients join a room: participant, signaling token, join [sdk]. */
final class ParticipantsApi {

  void mount(OperationRoutes ops, Authentication auth) {
    ops.serve(ApiOperation.CREATE_PARTICIPANT, auth.required(this::createParticipant));
    ops.serve(ApiOperation.CREATE_SIGNALING_TOKEN, auth.required(this::signalingToken));
    ops.serve(ApiOperation.JOIN_ROOM, auth.required(this::join));
  }

  private void createParticipant(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    RequestBody body = RequestBody.of(ctx);
    Participant p = a.tenant().backend().participants().create(a.caller(), ctx.pathParam("spaceId"),
        body.requiredString("roomId"), body.string("name"), body.string("role"),
        body.string("clientUniqueId"));
    Responses.created(ctx, new JsonObject().put("id", p.id()));
  }

  private void signalingToken(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    String token = a.tenant().backend().participants().signalingToken(a.caller(), ctx.pathParam("spaceId"),
        ctx.pathParam("participantId"));
    Responses.created(ctx, new JsonObject().put("signalingToken", token));
  }

  /** The SDK ignores the body; the mock answers the participant, handy for a curl user. */
  private void join(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    Participant p = a.tenant().backend().participants().join(a.caller(), ctx.pathParam("spaceId"),
        ctx.pathParam("roomId"), RequestBody.of(ctx).requiredString("participantId"));
    Responses.ok(ctx, Views.participant(p));
  }
}
