package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Authenticated;
import io.livedigitalmock.server.domain.webhooks.Webhook;
import io.vertx.ext.web.RoutingContext;

/** WebHook: create, get, update, delete, refresh-secret [guide]; answers as in the guide's samples. */
final class WebhooksApi {


  void mount(OperationRoutes ops, Authentication auth) {
    ops.serve(ApiOperation.CREATE_WEBHOOK, auth.required(this::create));
    ops.serve(ApiOperation.GET_WEBHOOK, auth.required(this::get));
    ops.serve(ApiOperation.REFRESH_WEBHOOK_SECRET, auth.required(this::refreshSecret));
    ops.serve(ApiOperation.UPDATE_WEBHOOK, auth.required(this::update));
    ops.serve(ApiOperation.DELETE_WEBHOOK, auth.required(this::delete));
  }

  private void create(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    Webhook hook = a.tenant().backend().webhooks().create(a.caller(), ctx.pathParam("spaceId"),
        RequestBody.of(ctx).requiredString("url"));
    Responses.created(ctx, Views.webhook(hook, true));
  }

  private void get(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    Responses.ok(ctx, Views.webhook(a.tenant().backend().webhooks().get(a.caller(), ctx.pathParam("spaceId")),
        false));
  }

  private void update(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    RequestBody body = RequestBody.of(ctx);
    Webhook hook = a.tenant().backend().webhooks().update(a.caller(), ctx.pathParam("spaceId"),
        body.string("url"), body.bool("isActive"));
    Responses.ok(ctx, Views.webhook(hook, false));
  }

  private void delete(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    a.tenant().backend().webhooks().delete(a.caller(), ctx.pathParam("spaceId"));
    Responses.okEmpty(ctx);
  }

  private void refreshSecret(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    Responses.ok(ctx, Views.webhook(a.tenant().backend().webhooks().refreshSecret(a.caller(),
        ctx.pathParam("spaceId")), true));
  }
}
