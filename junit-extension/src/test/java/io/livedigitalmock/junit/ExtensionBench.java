package io.livedigitalmock.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantSpec;
import io.livedigitalmock.server.domain.rooms.Plan;
import io.livedigitalmock.testcontainers.LivedigitalMockContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Not a test: numbers for the README. Run by {@code junit-extension/bench/extension-bench.sh}.
 * Medians (and p90) over repeated runs in one JVM, after the first (cold) one is reported apart.
 *
 * <pre>args: [--container]   also time the image: size, and container start until healthy</pre>
 */
public final class ExtensionBench {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    boolean container = Arrays.asList(args).contains("--container");
    System.out.println("livedigital-mock JUnit extension bench (JDK " + Runtime.version() + ", "
        + Runtime.getRuntime().availableProcessors() + " CPUs)");

    // ---- in-process server start and first request --------------------------------------------
    long t0 = System.nanoTime();
    MockServer first = MockServer.start(MockConfig.defaults().withPort(0));
    long coldStart = System.nanoTime() - t0;
    t0 = System.nanoTime();
    get(first.baseUrl() + "/_mock/health");
    long coldFirstRequest = System.nanoTime() - t0;
    t0 = System.nanoTime();
    post(first.baseUrl() + "/v1/auth/token", "{\"grant_type\":\"client_credentials\",\"client_id\":\"demo-client\","
        + "\"client_secret\":\"demo-secret\"}");
    long coldFirstToken = System.nanoTime() - t0;
    first.close();
    row("server start, first in JVM", coldStart / 1e6, "ms");
    row("first request (health), cold JVM", coldFirstRequest / 1e6, "ms");
    row("first token request, cold JVM", coldFirstToken / 1e6, "ms");

    long[] starts = new long[10];
    long[] firstRequests = new long[10];
    for (int i = 0; i < starts.length; i++) {
      long s = System.nanoTime();
      try (MockServer server = MockServer.start(MockConfig.defaults().withPort(0))) {
        starts[i] = System.nanoTime() - s;
        s = System.nanoTime();
        get(server.baseUrl() + "/_mock/health");
        firstRequests[i] = System.nanoTime() - s;
      }
    }
    stat("server start, warm JVM", starts, 1e6, "ms");
    stat("first request to a new server, warm JVM", firstRequests, 1e6, "ms");

    // ---- tenants: create and reset, direct and over HTTP -----------------------------------------
    try (MockServer server = MockServer.start(MockConfig.defaults().withPort(0))) {
      String base = server.baseUrl();
      int[] n = {0};
      stat("tenant create, direct (TenantRegistry.create)", sample(20_000, () -> {
        long s = System.nanoTime();
        server.tenants().create(new TenantSpec("bench-" + n[0]++, null, null, null, null, Plan.PRO));
        return System.nanoTime() - s;
      }), 1e3, "µs");
      stat("tenant create, HTTP (POST /_mock/tenants)", sample(2_000, () -> {
        long s = System.nanoTime();
        post(base + "/_mock/tenants", "{}");
        return System.nanoTime() - s;
      }), 1e3, "µs");

      Tenant tenant = server.tenants().create(new TenantSpec("reset-bench", null, null, null, null, Plan.PRO));
      stat("tenant reset, direct (Tenant.reset)", sample(50_000, () -> {
        long s = System.nanoTime();
        tenant.reset();
        return System.nanoTime() - s;
      }), 1e3, "µs");
      stat("tenant reset, HTTP (POST /_mock/tenants/{id}/reset)", sample(5_000, () -> {
        long s = System.nanoTime();
        post(base + "/_mock/tenants/reset-bench/reset", "{}");
        return System.nanoTime() - s;
      }), 1e3, "µs");
    }

    // ---- the extension's own per-test path --------------------------------------------------------
    try (InProcessServer server = InProcessServer.start(ServerKey.of(Settings.DEFAULTS))) {
      Livedigital mock = Livedigital.create(server, "pro", null);
      mock.userToken();
      stat("per-test reset via the handle (restoreBaseline + beginTest)", sample(50_000, () -> {
        long s = System.nanoTime();
        mock.restoreBaseline();
        mock.beginTest();
        return System.nanoTime() - s;
      }), 1e3, "µs");
      SeedData seed = SeedData.load("seed/school.json", ExtensionBench.class.getClassLoader());
      Livedigital seeded = Livedigital.create(server, "pro", seed);
      stat("per-test reset with seed/school.json (2 users, 2 spaces, 3 rooms)", sample(300, () -> {
        long s = System.nanoTime();
        seeded.restoreBaseline();
        return System.nanoTime() - s;
      }), 1e3, "µs");
      stat("new tenant + handle (Livedigital.create, no seed)", sample(5_000, () -> {
        long s = System.nanoTime();
        Livedigital.create(server, "pro", null);
        return System.nanoTime() - s;
      }), 1e3, "µs");
    }

    // ---- a whole class through JUnit: 1000 tests, each touching the tenant -------------------------
    // per test: from JUnit's "started" to "finished" event (callbacks, parameter resolution, reset),
    // with the handle vs the same test taking JUnit's own TestInfo
    for (int round = 0; round < 3; round++) {
      long[] with = testDurations(ThousandWithMock.class);
      long[] without = testDurations(ThousandWithoutMock.class);
      stat("JUnit test with @LivedigitalMock, round " + (round + 1), with, 1e3, "µs");
      stat("  same test without it (TestInfo parameter)", without, 1e3, "µs");
    }

    if (container) {
      container();
    }
  }

  private static void container() {
    String image = System.getProperty("ldmock.image", io.livedigitalmock.server.Version.image());
    var client = org.testcontainers.DockerClientFactory.instance().client();
    long size = client.inspectImageCmd(image).exec().getSize();
    row("image " + image + " size", size / 1e6, "MB");
    long[] ready = new long[5];
    for (int i = 0; i < ready.length; i++) {
      long s = System.nanoTime();
      try (LivedigitalMockContainer mock = new LivedigitalMockContainer(image).withHostPortBinding("127.0.0.1", 0)) {
        mock.start();
        ready[i] = System.nanoTime() - s;
        if (i == 0) {
          row("container first request after ready", time(() -> get(mock.getBaseUrl() + "/v1/users/me")) / 1e6, "ms");
          String base = mock.getBaseUrl();
          post(base + "/_mock/tenants", "{\"clientId\":\"reset-bench\"}");
          stat("container: tenant reset over HTTP (published port)", sample(2_000, () -> {
            long t = System.nanoTime();
            post(base + "/_mock/tenants/reset-bench/reset", "{}");
            return System.nanoTime() - t;
          }), 1e3, "µs");
          stat("container: tenant create over HTTP", sample(1_000, () -> {
            long t = System.nanoTime();
            post(base + "/_mock/tenants", "{}");
            return System.nanoTime() - t;
          }), 1e3, "µs");
        }
      }
    }
    stat("container start until /_mock/health answers (Testcontainers start())", ready, 1e6, "ms");
  }

  /** Each test reads the tenant and uses it: what the extension costs per test. */
  @LivedigitalMock
  static class ThousandWithMock {
    @RepeatedTest(1000)
    void test(Livedigital mock) {
      if (mock.clientId() == null) {
        throw new AssertionError();
      }
    }
  }

  /** The baseline: the same test, with JUnit's own TestInfo resolved instead of the handle. */
  static class ThousandWithoutMock {
    @RepeatedTest(1000)
    void test(org.junit.jupiter.api.TestInfo info) {
      if (info.getDisplayName() == null) {
        throw new AssertionError();
      }
    }
  }

  private static long[] testDurations(Class<?> testClass) {
    var events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
        .execute().testEvents();
    events.assertStatistics(st -> st.succeeded(1000));
    var started = new java.util.HashMap<Object, java.time.Instant>();
    var durations = new java.util.ArrayList<Long>();
    events.list().forEach(e -> {
      if (e.getType() == org.junit.platform.testkit.engine.EventType.STARTED) {
        started.put(e.getTestDescriptor().getUniqueId(), e.getTimestamp());
      } else if (e.getType() == org.junit.platform.testkit.engine.EventType.FINISHED) {
        durations.add(java.time.Duration.between(started.get(e.getTestDescriptor().getUniqueId()),
            e.getTimestamp()).toNanos());
      }
    });
    return durations.stream().mapToLong(Long::longValue).toArray();
  }

  private static long[] sample(int runs, LongSupplier run) {
    for (int i = 0; i < Math.min(runs, 1000); i++) {
      run.getAsLong();   // warm-up
    }
    long[] out = new long[runs];
    for (int i = 0; i < runs; i++) {
      out[i] = run.getAsLong();
    }
    return out;
  }

  private static long time(Runnable r) {
    long s = System.nanoTime();
    r.run();
    return System.nanoTime() - s;
  }

  private static void stat(String what, long[] nanos, double unit, String unitName) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2] / unit;
    double p90 = sorted[(int) (sorted.length * 0.9)] / unit;
    System.out.printf(Locale.ROOT, "%-66s median %9.1f %s   p90 %9.1f %s   (n=%d)%n", what, median, unitName, p90,
        unitName, nanos.length);
  }

  private static void row(String what, double value, String unit) {
    System.out.printf(Locale.ROOT, "%-66s %9.1f %s%n", what, value, unit);
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  private static void get(String url) {
    send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  private static void post(String url, String json) {
    send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private static void send(HttpRequest request) {
    try {
      HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() >= 500) {
        throw new IllegalStateException(request.uri() + ": HTTP " + response.statusCode());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
