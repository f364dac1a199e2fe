package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Authenticated;
import io.livedigitalmock.server.domain.rooms.Invite;
import io.livedigitalmock.server.domain.rooms.Space;
import io.livedigitalmock.server.domain.rooms.SpaceRole;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Spaces (createSpaces, updateSpace, list/get/delete) and their invites [guide]. */
final class SpacesApi {

  void mount(OperationRoutes ops, Authentication auth) {
    ops.serve(ApiOperation.CREATE_SPACE, auth.required(this::createSpace));
    ops.serve(ApiOperation.LIST_SPACES, auth.required(this::listSpaces));
    ops.serve(ApiOperation.GET_SPACE, auth.required(this::getSpace));
    ops.serve(ApiOperation.UPDATE_SPACE, auth.required(this::updateSpace));
    ops.serve(ApiOperation.DELETE_SPACE, auth.required(this::deleteSpace));
    ops.serve(ApiOperation.CREATE_INVITE, auth.required(this::createInvite));
    ops.serve(ApiOperation.ACTIVATE_INVITE, auth.required(this::activateInvite));
  }

  private void createSpace(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    RequestBody body = RequestBody.of(ctx);
    Space space = a.tenant().backend().spaces().create(a.caller(), body.requiredString("name"),
        body.string("description"), body.string("logo"), body.bool("isPublic"));
    Responses.created(ctx, new JsonObject().put("id", space.id()));
  }

  private void listSpaces(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    StreamedJson.page(ctx, a.tenant().backend().spaces().list(a.caller()), Views::space);
  }

  private void getSpace(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    Responses.ok(ctx, Views.space(a.tenant().backend().spaces().get(a.caller(), ctx.pathParam("spaceId"))));
  }

  private void updateSpace(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    RequestBody body = RequestBody.of(ctx);
    Space space = a.tenant().backend().spaces().update(a.caller(), ctx.pathParam("spaceId"),
        body.requiredString("name"), body.requiredBool("isPublic"), body.string("description"),
        body.string("logo"));
    Responses.ok(ctx, Views.space(space));
  }

  private void deleteSpace(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    a.tenant().backend().spaces().delete(a.caller(), ctx.pathParam("spaceId"));
    Responses.okEmpty(ctx);
  }

  private void createInvite(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    RequestBody body = RequestBody.of(ctx);
    SpaceRole role = SpaceRole.of(body.string("role"));
    if (role == null) {
      throw io.livedigitalmock.server.domain.common.ApiError.badRequest("role must not be empty");
    }
    Invite invite = a.tenant().backend().invites().create(a.caller(), ctx.pathParam("spaceId"), role);
    Responses.created(ctx, new JsonObject().put("id", invite.id()));
  }

  /** Empty body, the invitee's own token [guide]. */
  private void activateInvite(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    a.tenant().backend().invites().activate(a.caller(), ctx.pathParam("spaceId"), ctx.pathParam("inviteId"));
    Responses.okEmpty(ctx);
  }
}
