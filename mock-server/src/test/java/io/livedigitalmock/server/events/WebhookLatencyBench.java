package io.livedigitalmock.server.events;

import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.events.EventsKit.Resp;
import io.livedigitalmock.server.events.EventsKit.Tenant;
import io.livedigitalmock.server.events.WebhookReceiver.Received;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark, not a test: how long from an event being triggered to its webhook arriving at a receiver
 * on loopback. Starts the mock in-process and a receiver on 127.0.0.1, then
 * <ol>
 *   <li>sequential: N events one at a time, each a control-plane join or leave that starts or
 *       finishes a call ({@code call_started}/{@code call_finished}); latency = from just before the
 *       API request is sent to the moment the receiver has read the POST;</li>
 *   <li>burst: N test events posted back to back without waiting for deliveries; latency per event
 *       from its own trigger, and how long the API calls took meanwhile.</li>
 * </ol>
 * Prints p50/p90/p99/max in ms. Arguments: {@code [events] [warmup]} (default 1000 and 200). Bounded:
 * each wait is at most 10 s and the whole run at most 5 minutes. Run it with
 * {@code mock-server/bench/webhook-latency.sh}.
 */
public final class WebhookLatencyBench {

  private static final Duration EACH = Duration.ofSeconds(10);
  private static final long DEADLINE_NANOS = Duration.ofMinutes(5).toNanos();

  private WebhookLatencyBench() {
  }

  public static void main(String[] args) {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    long started = System.nanoTime();
    try (MockServer mock = EventsKit.startMock(Duration.ofSeconds(5));
         WebhookReceiver receiver = WebhookReceiver.answering(200)) {
      EventsKit kit = new EventsKit(mock);
      Tenant t = kit.newTenant();
      String spaceId = t.createSpace();
      String roomId = t.createRoomId(spaceId);
      t.createWebhook(spaceId, receiver.url());
      System.out.printf(Locale.ROOT, "webhook latency, event triggered -> POST read by a receiver on 127.0.0.1 "
          + "(%d events, %d warm-up; %s, %d cores)%n", events, warmup, System.getProperty("java.vm.name") + " "
          + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

      sequential(kit, t, roomId, receiver, warmup, started);
      double[][] seq = sequential(kit, t, roomId, receiver, events, started);
      print("sequential, call_started/call_finished from control-plane join/leave", seq[0]);
      print("  the API call itself (join or leave)", seq[1]);

      burst(kit, spaceId, receiver, warmup, started);
      double[][] burst = burst(kit, spaceId, receiver, events, started);
      print("burst, test events posted back to back", burst[0]);
      print("  the API call itself (test-event) meanwhile", burst[1]);

      long attempts = kit.get("/_mock/webhooks/deliveries?" + EventsKit.query("clientId", t.clientId,
          "outcome", "delivered"), null).expect(200).getLong("total");
      System.out.printf(Locale.ROOT, "deliveries journaled as delivered: %d (expected %d); total run %.1f s%n",
          attempts, 2L * (events + warmup), (System.nanoTime() - started) / 1e9);
    }
  }

  /** One event at a time: alternately a join (call_started) and a leave (call_finished). */
  private static double[][] sequential(EventsKit kit, Tenant t, String roomId, WebhookReceiver receiver, int n,
                                       long started) {
    double[] latency = new double[n];
    double[] api = new double[n];
    String participant = null;
    for (int i = 0; i < n; i++) {
      checkDeadline(started);
      long t0 = System.nanoTime();
      Resp r = participant == null
          ? kit.post("/_mock/rooms/" + roomId + "/participants", null, new JsonObject().put("name", "P" + i))
          : kit.post("/_mock/participants/" + participant + "/leave", null, null);
      String expected = participant == null ? "call_started" : "call_finished";
      participant = participant == null ? r.expect(201).getString("id") : null;
      Received got = receiver.await(EACH);
      String name = got.eventBody().getString("eventName");
      if (!expected.equals(name)) {
        throw new IllegalStateException("expected " + expected + ", got " + got.text());
      }
      latency[i] = (got.receivedNanos() - t0) / 1e6;
      api[i] = r.nanos() / 1e6;
    }
    return new double[][] {latency, api};
  }

  /** N test events posted as fast as one client can; deliveries are matched to triggers by a counter. */
  private static double[][] burst(EventsKit kit, String spaceId, WebhookReceiver receiver, int n, long started) {
    long[] triggered = new long[n];
    double[] api = new double[n];
    String run = Long.toHexString(System.nanoTime());
    for (int i = 0; i < n; i++) {
      checkDeadline(started);
      triggered[i] = System.nanoTime();
      Resp r = kit.post("/_mock/spaces/" + spaceId + "/webhook/test-event", null,
          new JsonObject().put("body", new JsonObject().put("eventName", "bench").put("run", run).put("n", i)));
      r.expect(202);
      api[i] = r.nanos() / 1e6;
    }
    double[] latency = new double[n];
    Map<Integer, Boolean> seen = new HashMap<>();
    while (seen.size() < n) {
      checkDeadline(started);
      Received got = receiver.await(EACH);
      JsonObject body = got.eventBody();
      if (!run.equals(body.getString("run"))) {
        throw new IllegalStateException("unexpected delivery " + got.text());
      }
      int i = body.getInteger("n");
      if (seen.put(i, true) != null) {
        throw new IllegalStateException("delivered twice: " + i);
      }
      latency[i] = (got.receivedNanos() - triggered[i]) / 1e6;
    }
    return new double[][] {latency, api};
  }

  private static void print(String what, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "%-72s p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f  mean %7.2f ms%n", what,
        rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted[sorted.length - 1],
        Arrays.stream(sorted).average().orElse(0));
  }

  /** Nearest-rank percentile of sorted values. */
  private static double rank(double[] sorted, double p) {
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static void checkDeadline(long started) {
    if (System.nanoTime() - started > DEADLINE_NANOS) {
      throw new IllegalStateException("benchmark exceeded its 5-minute bound");
    }
  }
}
