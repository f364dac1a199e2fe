package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Authenticated;
import io.livedigitalmock.server.domain.Webhook;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** WebHook: create, get, update, delete, refresh-secret [guide]; answers as in the guide's samples. */
final class WebhooksApi {

  private static final String WEBHOOK = "/v1/spaces/:spaceId/webhook";

  void mount(Router router, Authentication auth) {
    router.post(WEBHOOK).handler(auth::require).handler(this::create);
    router.get(WEBHOOK).handler(auth::require).handler(this::get);
    router.put(WEBHOOK + "/refresh-secret").handler(auth::require).handler(this::refreshSecret);
    router.put(WEBHOOK).handler(auth::require).handler(this::update);
    router.delete(WEBHOOK).handler(auth::require).handler(this::delete);
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
