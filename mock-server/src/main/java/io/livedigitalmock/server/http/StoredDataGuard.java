package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.common.StoredData;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * Refuses a request that would store something while the tenants' stored data is at
 * {@code --data-bytes} (409 naming the option; see {@link StoredData}), before its body is read or
 * anything changes, so that no request stops half-way. Reads, deletes, resets, the clock, the token
 * endpoint, what only fills bounded logs (built-in receivers, test events), and a state import (which
 * checks the budget itself) always pass, so a full mock can always be looked at and emptied.
 *
 * <p>So does what only finishes something under way: a participant leaving, a call ending, a recording
 * stopping or failing. A test that filled the store must still be able to end its call (and see the
 * webhooks that follow) without deleting anything first. Each finishes one participant, call or
 * recording that was counted when it began, at most once, and adds only its end (a time, a state, a
 * size): so past the limit the store grows by a small share of what it already holds, never without end.
 */
public final class StoredDataGuard {

  private static final Pattern CONTROL_NEVER_STORES = Pattern.compile(
      "/_mock/(reset|clock|state|tenants/[^/]+/(reset|clock)|receivers(/[^/]+)?|spaces/[^/]+/webhook/test-event)");

  /** Leaving, ending a call, stopping or failing a recording: from the control plane and its page. */
  private static final Pattern CONTROL_FINISHES = Pattern.compile(
      "/_mock/(ui/)?(participants/[^/]+/leave|rooms/[^/]+/(end-call|recording/(stop|fail)))");

  /** Opening the room page as JSON joins at once; a browser joins with the page's form. */
  private static final Pattern ROOM_PAGE_JOINS = Pattern.compile("GET /room/[^/]+|POST /room/[^/]+/join");

  private final StoredData data;

  public StoredDataGuard(StoredData data) {
    this.data = data;
  }

  /** Before every API operation ({@link OperationRoutes}): creates and updates. */
  public void operation(RoutingContext ctx) {
    ApiOperation op = OperationRoutes.of(ctx);
    if (op != ApiOperation.GET_ACCESS_TOKEN && op != ApiOperation.STOP_RECORD
        && (op.method() == HttpMethod.POST || op.method() == HttpMethod.PUT)) {
      data.requireRoom();
    }
    ctx.next();
  }

  /** On every request: the room page's joins and the control plane's writes (throws to refuse one). */
  public void pagesAndControlPlane(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    HttpMethod method = ctx.request().method();
    boolean stores = path.startsWith("/room/") ? ROOM_PAGE_JOINS.matcher(method.name() + " " + path).matches()
        : path.startsWith("/_mock/") && (method == HttpMethod.POST || method == HttpMethod.PUT)
            && !CONTROL_NEVER_STORES.matcher(path).matches() && !CONTROL_FINISHES.matcher(path).matches();
    if (stores) {
      data.requireRoom();
    }
  }
}
