package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Authenticated;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.rooms.AccessLink;
import io.livedigitalmock.server.domain.rooms.AccessRequest;
import io.livedigitalmock.server.domain.rooms.LinkRole;
import io.livedigitalmock.server.domain.rooms.Room;
import io.livedigitalmock.server.domain.rooms.RoomFlag;
import io.livedigitalmock.server.domain.rooms.RoomRole;
import io.livedigitalmock.server.domain.rooms.RoomSettings;
import io.livedigitalmock.server.domain.rooms.RoomType;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumMap;
import java.util.Map;

/** Rooms (createRooms, updateRoom, list/get/delete, room-by-alias), grantRole and generateAccess. */
final class RoomsApi {

  void mount(OperationRoutes ops, Authentication auth) {
    ops.serve(ApiOperation.GET_ROOM_BY_ALIAS, auth.required(this::getRoomByAlias));
    ops.serve(ApiOperation.CREATE_ROOM, auth.required(this::createRoom));
    ops.serve(ApiOperation.LIST_ROOMS, auth.required(this::listRooms));
    ops.serve(ApiOperation.GET_ROOM, auth.required(this::getRoom));
    ops.serve(ApiOperation.UPDATE_ROOM, auth.required(this::updateRoom));
    ops.serve(ApiOperation.DELETE_ROOM, auth.required(this::deleteRoom));
    ops.serve(ApiOperation.GRANT_ROLE, auth.required(this::grantRole));
    ops.serve(ApiOperation.GENERATE_ACCESS, auth.required(this::generateAccess));
  }

  /** Answers the whole room: the guide shows id/alias/channelId, the add-in also reads spaceId/name. */
  private void createRoom(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    RoomSettings settings = settings(RequestBody.of(ctx));
    if (settings.name() == null) {
      throw ApiError.badRequest("name must not be empty");
    }
    Room room = a.tenant().backend().rooms().create(a.caller(), ctx.pathParam("spaceId"), settings);
    Responses.json(ctx, 201, RoomJson.of(room, a.caller().userId()));
  }

  private void listRooms(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    String viewer = a.caller().userId();
    StreamedJson.page(ctx, a.tenant().backend().rooms().list(a.caller(), ctx.pathParam("spaceId")),
        RoomJson.seenBy(viewer));
  }

  private void getRoom(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    Room room = a.tenant().backend().rooms().get(a.caller(), ctx.pathParam("spaceId"), ctx.pathParam("roomId"));
    Responses.json(ctx, 200, RoomJson.of(room, a.caller().userId()));
  }

  private void getRoomByAlias(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    Room room = a.tenant().backend().rooms().byAlias(a.caller(), ctx.pathParam("alias"));
    Responses.json(ctx, 200, RoomJson.of(room, a.caller().userId()));
  }

  private void updateRoom(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    Room room = a.tenant().backend().rooms().update(a.caller(), ctx.pathParam("spaceId"),
        ctx.pathParam("roomId"), settings(RequestBody.of(ctx)));
    Responses.json(ctx, 200, RoomJson.of(room, a.caller().userId()));
  }

  private void deleteRoom(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    a.tenant().backend().rooms().delete(a.caller(), ctx.pathParam("spaceId"), ctx.pathParam("roomId"));
    Responses.okEmpty(ctx);
  }

  /** Answers 200 with no body, as the guide says. */
  private void grantRole(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    RequestBody body = RequestBody.of(ctx);
    String target = body.requiredString("targetUserId");
    String roleName = body.requiredString("role");
    a.tenant().backend().rooms().grantRole(a.caller(), ctx.pathParam("spaceId"), ctx.pathParam("roomId"),
        target, RoomRole.grantable(roleName));
    Responses.okEmpty(ctx);
  }

  private void generateAccess(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    RequestBody body = RequestBody.of(ctx);
    AccessRequest request = new AccessRequest(body.requiredString("username"),
        LinkRole.of(body.string("role")), body.string("externalUserId"),
        body.string("externalMeetingId"), body.integer("ttl"), body.bool("isPermanent"),
        body.string("email"), body.string("phone"));
    AccessLink link = a.tenant().backend().links().generate(a.caller(), ctx.pathParam("spaceId"),
        ctx.pathParam("roomId"), request, ApiRoutes.requestBase(ctx));
    Responses.ok(ctx, new JsonObject().put("url", link.url()));
  }

  private static RoomSettings settings(RequestBody body) {
    Map<RoomFlag, Boolean> flags = new EnumMap<>(RoomFlag.class);
    for (RoomFlag flag : RoomFlag.values()) {
      Boolean value = body.bool(flag.field());
      if (value != null) {
        flags.put(flag, value);
      }
    }
    return new RoomSettings(body.string("name"), RoomType.of(body.string("type")),
        body.bool("isPublic"), flags, body.string("redirectUrl"));
  }
}
