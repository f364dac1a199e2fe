package io.livedigitalmock.server.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long a client may take to send a request: from the moment its connection is ready for one
 * (opened, or the previous answer ended) until the request is read in full. Past the deadline a
 * request whose body is still coming gets a 408 and its connection closes; a connection with no
 * request under way (half a request line or headers, or an idle keep-alive) is closed. So half-sent
 * requests cannot hold connections until descriptors run out. The time the mock takes to answer
 * (long-polls, delayed receivers) does not count; the idle timeout covers a connection gone silent.
 * The server speaks HTTP/1.x only: with h2c on, Vert.x holds a request's first bytes back until its
 * headers are complete, so half-sent headers would escape the deadline.
 */
public final class RequestDeadlines {

  private final Vertx vertx;
  private final long timeoutMillis;
  private final Map<HttpConnection, Deadline> byConnection = new ConcurrentHashMap<>();

  public RequestDeadlines(Vertx vertx, Duration timeout) {
    this.vertx = vertx;
    this.timeoutMillis = timeout.toMillis();
  }

  /** The server's connection handler: the wait for the first request starts. */
  public void connected(HttpConnection connection) {
    Deadline deadline = new Deadline(connection);
    byConnection.put(connection, deadline);
    connection.closeHandler(v -> {
      Deadline gone = byConnection.remove(connection);
      if (gone != null) {
        gone.cancel();
      }
    });
    deadline.arm();
  }

  /** First on every request: it is being read; the end of its answer starts the next wait. */
  public void track(RoutingContext ctx) {
    Deadline deadline = byConnection.get(ctx.request().connection());
    if (deadline != null) {
      deadline.reading(ctx);
      ctx.addEndHandler(v -> deadline.answered());
    }
  }

  /**
   * One connection's deadline; touched only on the connection's event loop. A keep-alive connection
   * starts a new wait with every answer, so the timer is not moved each time: it fires when the
   * first wait would end, and if a later one started meanwhile, it is set again for the rest of that.
   */
  private final class Deadline {

    private final HttpConnection connection;
    private RoutingContext current;
    private long timer = -1;
    /** When the wait under way started ({@link System#nanoTime}). */
    private long waitingSince;

    Deadline(HttpConnection connection) {
      this.connection = connection;
    }

    void arm() {
      waitingSince = System.nanoTime();
      if (timer == -1) {
        timer = vertx.setTimer(timeoutMillis, t -> due());
      }
    }

    /** The clock keeps running: headers and body share one deadline. */
    void reading(RoutingContext ctx) {
      current = ctx;
    }

    void answered() {
      current = null;
      arm();
    }

    void cancel() {
      if (timer != -1) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
    }

    private void due() {
      timer = -1;
      long left = timeoutMillis - (System.nanoTime() - waitingSince) / 1_000_000;
      if (left > 0) {
        timer = vertx.setTimer(left, t -> due());
      } else {
        expired();
      }
    }

    private void expired() {
      if (current == null) {
        connection.close();
      } else if (!current.request().isEnded()) {
        Responses.raw(current.response(), 408,
            "The request was not received in full within " + timeoutMillis + " ms (--request-timeout)");
        connection.close();
      }
      // else: read in full, the answer is on its way, and its end arms the next deadline
    }
  }
}
