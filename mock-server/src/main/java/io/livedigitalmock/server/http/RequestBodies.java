package io.livedigitalmock.server.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;

/**
 * Reads the body of requests whose method carries one (POST, PUT, PATCH, DELETE), up to the body
 * limit. Other methods' bodies are not read: Vert.x's body handler throws on a GET that says it
 * carries a form, and no route reads them.
 */
public final class RequestBodies {

  private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
      HttpMethod.DELETE);

  private RequestBodies() {
  }

  public static Handler<RoutingContext> upTo(int limitBytes) {
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(limitBytes);
    return ctx -> {
      if (WITH_BODY.contains(ctx.request().method())) {
        bodies.handle(ctx);
      } else {
        ctx.next();
      }
    };
  }
}
