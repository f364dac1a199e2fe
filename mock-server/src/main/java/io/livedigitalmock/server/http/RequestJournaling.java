package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.faults.Fired;
import io.livedigitalmock.server.journal.RecordedRequest;
import io.livedigitalmock.server.journal.RequestContent;
import io.livedigitalmock.server.journal.RequestJournal;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts every request the mock receives (the control plane aside) in the {@link RequestJournal}, once
 * it is answered: tenant, operation, status, duration, the fault that fired. Cheap on the way: it
 * keeps the request's own header map and body buffer and builds text only when the journal is read.
 */
public final class RequestJournaling {

  private static final Logger LOG = Logger.getLogger(RequestJournaling.class.getName());
  private static final String UNKNOWN_ROUTE = "ldmock.unknownRoute";

  private final TenantRegistry registry;
  private final RequestJournal journal;

  public RequestJournaling(TenantRegistry registry, RequestJournal journal) {
    this.registry = registry;
    this.journal = journal;
  }

  /**
   * Mount before everything else (the body handler included, so that a refused body is journaled
   * too); marks requests no route serves as such.
   */
  public void mount(Router router) {
    router.route().handler(this::watch);
  }

  /** The router's handler of 404 and 405 for unmatched routes: mark the request, then answer as usual. */
  public static void unknownRoute(RoutingContext ctx) {
    ctx.put(UNKNOWN_ROUTE, Boolean.TRUE);
    Responses.failure(ctx);
  }

  private void watch(RoutingContext ctx) {
    if (journal.maxEntries() > 0 && !ctx.request().path().startsWith("/_mock/")) {
      long started = System.nanoTime();
      ctx.addEndHandler(ended -> record(ctx, started, ended));
    }
    ctx.next();
  }

  private void record(RoutingContext ctx, long started, AsyncResult<Void> ended) {
    try {
      long micros = (System.nanoTime() - started) / 1_000;
      Tenant tenant = RequestTenant.of(ctx, registry);
      Instant now = tenant == null ? registry.serverClock().now() : tenant.backend().clock().now();
      HttpServerResponse response = ctx.response();
      int status = response.headWritten() ? response.getStatusCode() : 0;
      String error = ended.succeeded() ? null
          : status == 0 ? "connection closed without an answer" : "connection closed before the answer ended";
      ApiOperation op = OperationRoutes.of(ctx);
      Fired fired = FaultInjection.of(ctx);
      journal.record(new RecordedRequest(0, now.minusNanos(micros * 1_000), tenant == null ? null : tenant.clientId(),
          ctx.request().method().name(), ctx.request().path(), ctx.request().query(),
          op == null ? null : op.operationId(), ctx.get(UNKNOWN_ROUTE) == null, status, error, micros,
          fired == null ? null : fired.rule().id(), fired == null ? null : fired.describe(),
          new Content(ctx.request().headers(), ctx.body() == null ? null : ctx.body().buffer())));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not journal " + ctx.request().method() + " " + ctx.request().path(), e);
    }
  }

  /** Holds the request's header map and body as Vert.x made them; text is made when read. */
  private static final class Content implements RequestContent {

    private final MultiMap headers;
    private final Buffer body;
    private final int bodySize;
    private final long retained;

    Content(MultiMap headers, Buffer body) {
      this.headers = headers;
      this.bodySize = body == null ? 0 : body.length();
      this.body = body == null || bodySize == 0 ? null
          : bodySize > RequestJournal.BODY_CAP ? body.getBuffer(0, RequestJournal.BODY_CAP) : body;
      // an estimate, not a walk over the headers: ~64 bytes a header, plus the token that dominates them
      String auth = headers.get(HttpHeaders.AUTHORIZATION);
      this.retained = headers.size() * 64L + (auth == null ? 0 : auth.length()) + (this.body == null ? 0 : this.body.length());
    }

    @Override
    public List<Map.Entry<String, String>> headers() {
      return new ArrayList<>(headers.entries());
    }

    @Override
    public byte[] body() {
      return body == null ? new byte[0] : body.getBytes();
    }

    @Override
    public int bodySize() {
      return bodySize;
    }

    @Override
    public long retainedBytes() {
      return retained;
    }
  }
}
