package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Authenticated;
import io.livedigitalmock.server.domain.auth.User;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** createUser [guide] and users/me [sdk]. */
final class UsersApi {

  void mount(OperationRoutes ops, Authentication auth) {
    ops.serve(ApiOperation.CREATE_NEW_USER, auth.required(this::createUser));
    ops.serve(ApiOperation.GET_ME, auth.required(this::getMe));
  }

  private void createUser(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    RequestBody body = RequestBody.of(ctx);
    User user = a.tenant().backend().users().create(a.caller(), body.requiredString("email"),
        body.requiredString("password"), body.requiredString("username"), body.string("phone"));
    Responses.created(ctx, new JsonObject().put("id", user.id()));
  }

  private void getMe(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    Responses.ok(ctx, Views.user(a.tenant().backend().users().me(a.caller())));
  }
}
