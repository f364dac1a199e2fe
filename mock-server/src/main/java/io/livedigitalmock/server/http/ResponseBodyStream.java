package io.livedigitalmock.server.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An answer's body written as a stream on a worker thread (what writes a large document to an
 * OutputStream, such as the state file): its bytes go out on the connection's event loop, at most
 * {@link #IN_FLIGHT} bytes ahead of what the connection has taken, so the answer holds that much
 * memory however large it is. The writer waits while the client reads slowly, and fails with an
 * IOException once the client is gone or has read nothing for {@link #STALLED_SECONDS}.
 */
public final class ResponseBodyStream extends OutputStream {

  static final int IN_FLIGHT = 1 << 20;
  static final long STALLED_SECONDS = 60;

  private final HttpServerResponse response;
  private final Context context;
  private final Semaphore room = new Semaphore(IN_FLIGHT);
  private volatile boolean gone;

  /**
   * Answers {@code ctx} with what {@code body} writes, run by {@code onWorker} (a worker pool's
   * executeBlocking): it goes out as it is written, and an answer whose writer fails part-way is
   * reset. On the event loop, with the answer's headers set. The future fails as the writer did.
   */
  public static Future<Void> send(RoutingContext ctx, Function<Callable<Void>, Future<Void>> onWorker,
                                  Consumer<OutputStream> body) {
    ResponseBodyStream stream = new ResponseBodyStream(ctx.response(), ctx.vertx().getOrCreateContext());
    return onWorker.apply(() -> {
      OutputStream out = new BufferedOutputStream(stream, 64 * 1024);
      body.accept(out);
      out.flush();
      stream.close();
      return null;
    }).onFailure(failed -> stream.abort());
  }

  /** On the response's event loop, before the worker starts; the response is chunked from here. */
  public ResponseBodyStream(HttpServerResponse response, Context context) {
    this.response = response.setChunked(true);
    this.context = context;
    response.closeHandler(closed -> {
      gone = true;
      room.release(IN_FLIGHT);   // a writer waiting for room wakes, and finds the client gone
    });
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    for (int at = offset; at < offset + length; at += IN_FLIGHT) {
      int n = Math.min(IN_FLIGHT, offset + length - at);
      try {
        if (!room.tryAcquire(n, STALLED_SECONDS, TimeUnit.SECONDS)) {
          throw new IOException("the client read nothing for " + STALLED_SECONDS + " s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      if (gone) {
        throw new IOException("the client went away");
      }
      Buffer piece = Buffer.buffer(Arrays.copyOfRange(bytes, at, at + n));
      context.runOnContext(v -> {
        if (response.closed()) {
          room.release(n);
        } else {
          response.write(piece).onComplete(taken -> room.release(n));
        }
      });
    }
  }

  /** Ends the answer once everything written before has gone out. */
  @Override
  public void close() {
    context.runOnContext(v -> {
      if (!response.closed() && !response.ended()) {
        response.end();
      }
    });
  }

  /** The writer failed part-way: the answer cannot be finished, so the connection is reset. */
  public void abort() {
    context.runOnContext(v -> {
      if (!response.closed() && !response.ended()) {
        response.reset();
      }
    });
  }
}
