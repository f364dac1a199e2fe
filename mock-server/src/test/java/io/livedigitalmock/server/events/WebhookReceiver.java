package io.livedigitalmock.server.events;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook receiver for tests: a tiny HTTP server on 127.0.0.1 (a free port) that records every
 * request body byte for byte and answers from a script of statuses ({@code 500, 500, 200}: the
 * first two requests get 500, every later one 200), optionally after a delay; with {@link #hanging()}
 * it never answers (until closed), like a receiver that has died with the connection open. Waiting
 * is on a queue with a bounded timeout, never a sleep.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One request as it arrived: raw bytes, and when ({@link System#nanoTime()}) it was fully read. */
  record Received(int index, byte[] body, long receivedNanos) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonObject json() {
      return new JsonObject(text());
    }

    String signature() {
      return json().getString("signature");
    }

    /** The event body the signature is over ({@code {"eventName",...}} or a test event's body). */
    JsonObject eventBody() {
      return json().getJsonObject("body");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Integer> script;
  private final Duration delay;
  private final AtomicInteger requests = new AtomicInteger();
  private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();
  private final List<Received> all = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  /** Whether each answer is a 200 whose body never ends (a piece every few milliseconds). */
  private final boolean endless;

  private WebhookReceiver(List<Integer> script, Duration delay, boolean endless) throws IOException {
    this.script = List.copyOf(script);
    this.delay = delay;
    this.endless = endless;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "webhook-receiver");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Answers the statuses in order; the last one repeats. No statuses: always 200. */
  static WebhookReceiver answering(Integer... statuses) {
    return delayed(Duration.ZERO, statuses);
  }

  /** As {@link #answering}, each answer {@code delay} after the request arrived. */
  static WebhookReceiver delayed(Duration delay, Integer... statuses) {
    try {
      return new WebhookReceiver(statuses.length == 0 ? List.of(200) : Arrays.asList(statuses), delay, false);
    } catch (IOException e) {
      throw new IllegalStateException("could not start the test receiver", e);
    }
  }

  /** Reads each request, records it, and never answers (the mock's timeout ends each attempt). */
  static WebhookReceiver hanging() {
    return delayed(Duration.ofMinutes(10));
  }

  /**
   * Answers 200 at once, then a body that never ends: 16 KB every 5 ms, quick enough that no idle
   * timeout ever fires, until the mock lets go of the connection (or 60 s, or the receiver closes).
   */
  static WebhookReceiver endlessBody() {
    try {
      return new WebhookReceiver(List.of(200), Duration.ZERO, true);
    } catch (IOException e) {
      throw new IllegalStateException("could not start the test receiver", e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** The next request not yet taken by an await, or an AssertionError after {@code timeout}. */
  Received await(Duration timeout) {
    try {
      Received r = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (r == null) {
        throw new AssertionError("the receiver got no request within " + timeout.toMillis() + " ms (had "
            + all.size() + " in all)");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a webhook request", e);
    }
  }

  /** Every request so far, in arrival order. */
  List<Received> received() {
    return new ArrayList<>(all);
  }

  List<Received> received(Predicate<Received> matching) {
    return all.stream().filter(matching).toList();
  }

  /** Releases hanging requests, stops listening and ends the receiver's threads. */
  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      int index = requests.getAndIncrement();
      Received received = new Received(index, body, System.nanoTime());
      all.add(received);
      queue.add(received);
      if (!delay.isZero() && closed.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
      int status = script.get(Math.min(index, script.size() - 1));
      if (endless) {
        exchange.sendResponseHeaders(200, 0);
        byte[] piece = new byte[16 * 1024];
        for (int i = 0; i < 12_000 && !closed.await(5, TimeUnit.MILLISECONDS); i++) {
          exchange.getResponseBody().write(piece);   // throws once the mock has let go
          exchange.getResponseBody().flush();
        }
        return;
      }
      exchange.sendResponseHeaders(status, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
