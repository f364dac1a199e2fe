package io.livedigitalmock.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.livedigitalmock.server.domain.common.MockClock;
import io.livedigitalmock.server.domain.webhooks.DeliveryAttempt;
import io.livedigitalmock.server.domain.webhooks.DeliveryFilter;
import io.livedigitalmock.server.domain.webhooks.DeliveryJournal;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delivery as the journal sees it: every attempt is logged whatever goes wrong, and nothing after a call-off. */
class WebhookDispatcherTest {

  private static final DeliveryFilter ANY = new DeliveryFilter(null, null, null, null, null, null);

  private final Vertx vertx = Vertx.vertx();
  private final DeliveryJournal journal = new DeliveryJournal(16 << 20);

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void anAttemptThatCannotEvenBeSentIsLoggedRetriedAndDropped() throws Exception {
    WebhookDispatcher dispatcher = dispatcher(4);
    dispatcher.deliver(outgoing("http://127.0.0.1:99999/hook", () -> false));

    DeliveryAttempt dropped = journal.next(filter(DeliveryAttempt.DROPPED), 0).get(10, TimeUnit.SECONDS);
    assertEquals(3, dropped.attempt());
    List<DeliveryAttempt> all = journal.list(ANY, 0);
    assertEquals(List.of(DeliveryAttempt.RETRYING, DeliveryAttempt.RETRYING, DeliveryAttempt.DROPPED),
        all.stream().map(DeliveryAttempt::outcome).toList());
    all.forEach(a -> assertNotNull(a.error(), "each attempt says what went wrong"));
  }

  /** With two connections per receiver, four of six events wait for one; calling off drops them unsent. */
  @Test
  void callingOffDropsQueuedAttemptsAndLogsNoneOfThoseUnderWay() throws Exception {
    AtomicInteger received = new AtomicInteger();
    CountDownLatch twoArrived = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newFixedThreadPool(8));
    receiver.createContext("/hook", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        received.incrementAndGet();
        twoArrived.countDown();
        release.await(10, TimeUnit.SECONDS);
        exchange.sendResponseHeaders(200, -1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    receiver.start();
    try {
      WebhookDispatcher dispatcher = dispatcher(2);
      AtomicBoolean calledOff = new AtomicBoolean();
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      for (int i = 0; i < 6; i++) {
        dispatcher.deliver(outgoing(url, calledOff::get));
      }
      assertTrue(twoArrived.await(10, TimeUnit.SECONDS), "two attempts under way");

      calledOff.set(true);   // the tenant was reset
      release.countDown();

      assertThrows(TimeoutException.class, () -> journal.next(ANY, 0).get(1_500, TimeUnit.MILLISECONDS));
      assertEquals(2, received.get(), "the four queued attempts were never sent");
    } finally {
      receiver.stop(0);
      ((java.util.concurrent.ExecutorService) receiver.getExecutor()).shutdownNow();
    }
  }

  private WebhookDispatcher dispatcher(int connectionsPerReceiver) {
    return new WebhookDispatcher(vertx, journal, MockClock.system(), Duration.ofMillis(50), Duration.ofSeconds(5), 16 << 20,
        connectionsPerReceiver);
  }

  private static DeliveryFilter filter(String outcome) {
    return new DeliveryFilter(null, null, null, null, null, outcome);
  }

  private static WebhookDispatcher.Outgoing outgoing(String url, java.util.function.BooleanSupplier calledOff) {
    return new WebhookDispatcher.Outgoing(java.util.UUID.randomUUID().toString(), "client", "ping", "space",
        null, null, url, "secret", Map.of("eventName", "ping"), calledOff);
  }
}
