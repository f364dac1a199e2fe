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
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

  /** The router's handler of 404 and 405 for unmatched routes: mark the request, then answer as usual. */
  public static void unknownRoute(RoutingContext ctx) {
    markUnknownRoute(ctx);
    Responses.failure(ctx);
  }

  /** No route serves the request's method and path (see {@link OperationRoutes} under {@code /v1}). */
  static void markUnknownRoute(RoutingContext ctx) {
    ctx.put(UNKNOWN_ROUTE, Boolean.TRUE);
  }

  /**
   * On every request, before the body is read (so that a refused body is journaled too): the request
   * is recorded once answered.
   */
  public void watch(RoutingContext ctx) {
    if (journal.maxEntries() > 0 && !ctx.request().path().startsWith("/_mock/")) {
      long started = System.nanoTime();
      ctx.addEndHandler(ended -> record(ctx, started, ended));
    }
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
          ctx.request().method().name(), shared(ctx.request().path()), shared(ctx.request().query()),
          op == null ? null : op.operationId(), ctx.get(UNKNOWN_ROUTE) == null, status, error, micros,
          fired == null ? null : fired.rule().id(), fired == null ? null : fired.describe(),
          new Content(headerPairs(ctx.request().headers()), ctx.body() == null ? null : ctx.body().buffer())));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not journal " + ctx.request().method() + " " + ctx.request().path(), e);
    }
  }

  /**
   * The header names and values of this event loop's requests as last seen: a request's are kept as
   * those same strings when equal. A client sends the same headers (host, token, agent) request after
   * request; so the journal's thousands of entries share them instead of each holding its own copy,
   * which the garbage collector would copy again and again while the entry lives. One per router, so
   * one event loop's.
   */
  private final Map<String, String> lastValueByName = new HashMap<>();
  private final Map<String, String> names = new HashMap<>();

  private String lastPathOrQuery;
  /**
   * Where this event loop gathers a request's header pairs before the entry takes an array of the
   * right length: the count is not known up front (see headerPairs), and this way an entry costs one
   * array, not a guess and a copy. As long as the most headers a request had (Vert.x bounds them at 8 KB).
   */
  private String[] gathered = new String[16];

  /** The path or query as last seen, if equal: clients ask for the same things again too. */
  private String shared(String pathOrQuery) {
    if (pathOrQuery != null && pathOrQuery.equals(lastPathOrQuery)) {
      return lastPathOrQuery;
    }
    if (pathOrQuery != null) {
      lastPathOrQuery = pathOrQuery;
    }
    return pathOrQuery;
  }

  private String[] headerPairs(MultiMap headers) {
    // not headers.size(): Vert.x counts the names (building a sorted set of them for it), and a header
    // sent twice has two entries, both journaled
    String[] pairs = gathered;
    int i = 0;
    for (Map.Entry<String, String> header : headers) {
      if (i == pairs.length) {
        pairs = Arrays.copyOf(pairs, pairs.length * 2);
        gathered = pairs;
      }
      if (names.size() > 256) {      // a client inventing header names: forget, rather than grow
        names.clear();
        lastValueByName.clear();
      }
      String name = names.computeIfAbsent(header.getKey(), n -> n);
      String value = header.getValue();
      String last = lastValueByName.get(name);
      if (value.equals(last)) {
        value = last;
      } else {
        lastValueByName.put(name, value);
      }
      pairs[i++] = name;
      pairs[i++] = value;
    }
    String[] kept = Arrays.copyOf(pairs, i);
    Arrays.fill(pairs, 0, i, null);   // the strings belong to the entry now, not to this loop
    return kept;
  }

  /** The request's headers (names and values, in turn) and body; text is made when read. */
  private static final class Content implements RequestContent {

    private final String[] headers;
    /**
     * The body's first {@link RequestJournal#BODY_CAP} bytes, copied out: the body buffer has room for
     * a kilobyte or more whatever it holds, and kept by thousands of entries that was most of the
     * journal's heap, and more than its bound counted.
     */
    private final byte[] body;
    private final int bodySize;
    private final long retained;

    Content(String[] headers, Buffer body) {
      this.headers = headers;
      this.bodySize = body == null ? 0 : body.length();
      this.body = bodySize == 0 ? null : body.getBytes(0, Math.min(bodySize, RequestJournal.BODY_CAP));
      // 64 bytes a header besides its text, and all of its text (headers arrive as ISO-8859-1, one
      // byte a char), though entries share what is the same as the last request's: the bound errs on
      // the safe side; a client sending new headers of kilobytes each time is counted for them
      long retainedBytes = this.body == null ? 0 : 16 + this.body.length;
      for (int i = 0; i < headers.length; i += 2) {
        retainedBytes += 64 + headers[i].length() + headers[i + 1].length();
      }
      this.retained = retainedBytes;
    }

    @Override
    public List<Map.Entry<String, String>> headers() {
      List<Map.Entry<String, String>> list = new ArrayList<>(headers.length / 2);
      for (int i = 0; i < headers.length; i += 2) {
        list.add(Map.entry(headers[i], headers[i + 1]));
      }
      return list;
    }

    @Override
    public byte[] body() {
      return body == null ? new byte[0] : body.clone();
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
