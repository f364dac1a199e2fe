package io.livedigitalmock.server.control;

import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.webhooks.ReceivedRequest;
import io.livedigitalmock.server.domain.webhooks.Receiver;
import io.livedigitalmock.server.http.RequestBody;
import io.livedigitalmock.server.http.Responses;
import io.livedigitalmock.server.http.Views;
import io.livedigitalmock.server.webhooks.NodeJson;
import io.livedigitalmock.server.webhooks.WebhookSigner;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Webhook receivers built into the mock. Their URL is on the mock itself, so the mock can reach them
 * wherever it runs (in-process or in a container), and a test needs no server of its own. Each one
 * checks signatures the way the guide tells integrators to, with the secret of the webhook pointing at
 * it, and answers with a scripted status after a scripted delay.
 */
final class ReceiverControl {

  private final TenantRegistry registry;

  ReceiverControl(TenantRegistry registry) {
    this.registry = registry;
  }

  void mount(Router r) {
    r.post("/receivers").handler(this::create);
    r.post("/receivers/:id").handler(this::receive);
    r.get("/receivers/:id").handler(ctx -> Responses.ok(ctx, view(ctx, receiver(ctx))));
    r.delete("/receivers/:id").handler(ctx -> {
      registry.receivers().delete(ctx.pathParam("id"));
      Responses.okEmpty(ctx);
    });
    r.get("/receivers/:id/requests").handler(ctx -> Responses.ok(ctx, Responses.page(
        receiver(ctx).requests().list(filter(ctx), LongPoll.after(ctx)), ReceiverControl::requestView)));
    r.get("/receivers/:id/requests/next").handler(ctx -> {
      long waitMillis = LongPoll.waitMillis(ctx);
      LongPoll.answer(ctx, receiver(ctx).requests().next(filter(ctx), LongPoll.after(ctx)), waitMillis,
          "request", ReceiverControl::requestView);
    });
  }

  /** Body optional: {@code {"responses":[500,500,200], "delayMs":0}}. */
  private void create(RoutingContext ctx) {
    JsonObject body = RequestBody.parse(ctx);
    List<Integer> responses = new ArrayList<>();
    Object scripted = body.getValue("responses");
    if (scripted == null) {
      responses.add(200);
    } else if (scripted instanceof JsonArray array) {
      for (Object status : array) {
        if (!(status instanceof Integer code)) {
          throw ApiError.badRequest("responses must be a list of HTTP statuses");
        }
        responses.add(code);
      }
    } else {
      throw ApiError.badRequest("responses must be a list of HTTP statuses");
    }
    Long delay = RequestBody.of(body).integer("delayMs");
    Receiver receiver = registry.receivers().create(responses, delay == null ? 0 : delay,
        registry.serverClock().now());
    Responses.created(ctx, view(ctx, receiver));
  }

  private void receive(RoutingContext ctx) {
    Receiver receiver = receiver(ctx);
    String raw = ctx.body().asString();
    String url = ownUrl(ctx, receiver);
    String eventName = null;
    String signature = null;
    Boolean valid = null;
    try {
      Object parsed = raw == null ? null : io.vertx.core.json.Json.decodeValue(raw);
      if (parsed instanceof JsonObject envelope && envelope.getValue("body") instanceof JsonObject event) {
        signature = envelope.getValue("signature") instanceof String s ? s : null;
        eventName = event.getValue("eventName") instanceof String s ? s : null;
        valid = verify(url, event.getMap(), signature);
      }
    } catch (DecodeException notJson) {
      // recorded as received, with nothing to verify
    }
    int status = receiver.nextStatus();
    String name = eventName;
    String sig = signature;
    Boolean ok = valid;
    registry.receivers().record(receiver, seq -> new ReceivedRequest(seq, receiver.id(),
        registry.serverClock().now(), name, raw, sig, ok, status));
    ctx.vertx().setTimer(Math.max(1, receiver.delayMillis()), t -> {
      if (!ctx.response().closed()) {
        ctx.response().setStatusCode(status).end();
      }
    });
  }

  /** True if any webhook pointing here signed it; null if none points here. */
  private Boolean verify(String url, Map<String, Object> event, String signature) {
    List<String> secrets = registry.all().stream()
        .flatMap(t -> t.backend().webhooks().secretsFor(url).stream()).toList();
    if (secrets.isEmpty() || signature == null) {
      return secrets.isEmpty() ? null : false;
    }
    String stringified;
    try {
      stringified = NodeJson.stringify(event);
    } catch (IllegalArgumentException cannotRepeatNodeExactly) {
      return null;
    }
    return secrets.stream().anyMatch(secret -> WebhookSigner.sign(secret, stringified).equals(signature));
  }

  private Receiver receiver(RoutingContext ctx) {
    return registry.receivers().get(ctx.pathParam("id"));
  }

  private static Predicate<ReceivedRequest> filter(RoutingContext ctx) {
    String eventName = ctx.queryParams().get("eventName");
    return r -> eventName == null || eventName.equals(r.eventName());
  }

  /** The receiver's address as the mock itself reaches it: its own loopback port. */
  private static String ownUrl(RoutingContext ctx, Receiver receiver) {
    return "http://127.0.0.1:" + ctx.request().localAddress().port() + "/_mock/receivers/" + receiver.id();
  }

  private static JsonObject view(RoutingContext ctx, Receiver r) {
    return new JsonObject()
        .put("id", r.id())
        .put("url", ownUrl(ctx, r))
        .put("responses", new JsonArray(r.responses()))
        .put("delayMs", r.delayMillis())
        .put("createdAt", Views.time(r.createdAt()));
  }

  private static JsonObject requestView(ReceivedRequest r) {
    return new JsonObject()
        .put("seq", r.seq())
        .put("at", Views.time(r.at()))
        .put("eventName", r.eventName())
        .put("body", r.body())
        .put("signature", r.signature())
        .put("signatureValid", r.signatureValid())
        .put("status", r.status());
  }
}
