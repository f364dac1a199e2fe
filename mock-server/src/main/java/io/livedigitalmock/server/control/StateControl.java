package io.livedigitalmock.server.control;

import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.http.ResponseBodyStream;
import io.livedigitalmock.server.state.StateFileException;
import io.livedigitalmock.server.state.StateTransfer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /_mock/state}: the whole state as a state file (the format {@code --state-dir} keeps);
 * {@code PUT /_mock/state}: replaces the whole state with one, all or nothing, a 400 naming the
 * problem when it cannot be restored, a 409 when it exceeds the mock's limits. The work runs on a
 * worker thread: a large state takes a while to write or read.
 */
public final class StateControl {

  /** The largest state a PUT may send: the stored-data budget, within 1 GiB. */
  static final int MAX_BODY = 1 << 30;

  private final StateTransfer state;

  StateControl(StateTransfer state) {
    this.state = state;
  }

  /** How large a state import's body may be: as large as the stored data may grow (JSON is no bigger). */
  public static int bodyLimit(long dataBytes, int bodyLimit) {
    return (int) Math.max(bodyLimit, Math.min(dataBytes, MAX_BODY));
  }

  void mount(Router r) {
    r.get("/state").handler(this::export);
    r.put("/state").handler(this::importState);
  }

  /**
   * Written as it is made, as the client takes it: a full store's state file is larger than the heap
   * left beside the store, so it is never held whole.
   */
  private void export(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json")
        .putHeader("Content-Disposition", "attachment; filename=\"livedigital-mock-state.json\"");
    ResponseBodyStream.send(ctx, writing -> ctx.vertx().executeBlocking(writing, false), state::export);
  }

  private void importState(RoutingContext ctx) {
    byte[] json = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    ctx.vertx().executeBlocking(() -> {
      try {
        state.importState(json);
      } catch (StateFileException e) {
        throw ApiError.badRequest("The state " + e.getMessage());
      } catch (io.livedigitalmock.server.domain.state.InvalidSnapshot e) {
        throw ApiError.badRequest("The state does not hold together: " + e.getMessage());
      }
      return new JsonObject().put("restored", true)
          .put("tenants", state.registry().all().size());
    }, false).onSuccess(answer -> ctx.response().putHeader("Content-Type", "application/json").end(answer.encode()))
        .onFailure(ctx::fail);
  }
}
