package io.livedigitalmock.server;

import io.livedigitalmock.server.control.ControlApi;
import io.livedigitalmock.server.control.ControlPlaneGuard;
import io.livedigitalmock.server.control.StateControl;
import io.livedigitalmock.server.domain.ServerContext;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.auth.UrlSigner;
import io.livedigitalmock.server.domain.common.MockClock;
import io.livedigitalmock.server.domain.common.StoredData;
import io.livedigitalmock.server.domain.webhooks.DeliveryJournal;
import io.livedigitalmock.server.http.ApiRoutes;
import io.livedigitalmock.server.http.JwtTokenCodec;
import io.livedigitalmock.server.http.LiteralPaths;
import io.livedigitalmock.server.http.MalformedRequests;
import io.livedigitalmock.server.http.RequestBodies;
import io.livedigitalmock.server.http.RequestDeadlines;
import io.livedigitalmock.server.http.RequestJournaling;
import io.livedigitalmock.server.http.Responses;
import io.livedigitalmock.server.http.StoredDataGuard;
import io.livedigitalmock.server.state.JwtKey;
import io.livedigitalmock.server.state.StateTransfer;
import io.livedigitalmock.server.webhooks.HostReach;
import io.livedigitalmock.server.webhooks.WebhookDispatcher;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The composition root: builds the domain, then one HTTP server per event loop on the same port
 * ({@link EventLoopServer}), each mounting the API and the control plane on a router of its own.
 * Start it from {@link Main}, or in-process from tests and the JUnit extension.
 */
public final class MockServer implements AutoCloseable {

  private final Vertx vertx;
  private final int port;
  private final TenantRegistry tenants;
  private final MockConfig config;
  private final LocalState local;
  private final StateTransfer state;

  private MockServer(Vertx vertx, int port, TenantRegistry tenants, MockConfig config, LocalState local,
                     StateTransfer state) {
    this.vertx = vertx;
    this.port = port;
    this.tenants = tenants;
    this.config = config;
    this.local = local;
    this.state = state;
  }

  /**
   * Starts and waits until the port is bound, served by {@link MockConfig#eventLoops()} HTTP servers; with {@code --state-dir}, from the state saved there.
   *
   * @throws IllegalStateException when it cannot listen, a scenario or the saved state is bad
   */
  public static MockServer start(MockConfig config) {
    int loops = config.eventLoops();
    LocalState local = LocalState.open(config);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setWorkerPoolSize(4));
    try {
      byte[] recordingFile = sampleRecording();
      MockClock clock = MockClock.system();
      Limits limits = config.limits();
      DeliveryJournal journal = new DeliveryJournal(limits.deliveryLogBytes());
      WebhookDispatcher dispatcher = new WebhookDispatcher(vertx, journal, clock,
          config.webhookRetryInterval(), config.webhookTimeout(), limits.deliveryQueueBytes());
      StoredData data = new StoredData(limits.dataBytes());
      FaultsAndJournal scripting = new FaultsAndJournal(vertx, config.faultsAndJournal(), limits.journalTotalBytes(),
          data, dispatcher, journal, clock);
      String secret = local.jwtSecret();
      UrlSigner signer = new UrlSigner(secret);
      JwtKey key = new JwtKey(secret, config.localDev().jwtSecretGiven(), s -> new JwtTokenCodec(vertx, s), signer);
      TenantRegistry tenants = new TenantRegistry(new ServerContext(config.effectiveSeed(), clock,
          key,
          config::roomBaseUrl,
          scripting.webhooks(), journal, signer, recordingFile.length,
          scripting.faults(), scripting.requests()), config.demo(), config.sdkExampleTenant(), limits.storage(), data);
      scripting.start(tenants, config.demo().clientId());
      StateTransfer state = local.attach(tenants, key);
      RequestDeadlines deadlines = new RequestDeadlines(vertx, limits.requestTimeout());
      ControlPlaneGuard guard = controlPlaneGuard(config);
      BiConsumer<Vertx, Router> routes = (v, router) -> mount(router, v, config, tenants, scripting, guard, deadlines,
          recordingFile, state);
      // port 0: a free port, shared by all of them (Vert.x binds a negative port once, at random)
      HttpServerOptions options = new HttpServerOptions()
          .setHost(config.host()).setPort(config.port() == 0 ? -1 : config.port())
          .setIdleTimeout((int) limits.idleTimeout().toSeconds())
          .setHttp2ClearTextEnabled(false);
      AtomicInteger bound = new AtomicInteger();
      await(vertx.deployVerticle(() -> new EventLoopServer(options, routes, deadlines, s -> bound.set(s.actualPort())),
          new DeploymentOptions().setInstances(loops)));
      dispatcher.hostReach(new HostReach(config.localDev().hostLoopbackAlias(), config.localDev().hostRelay(),
          bound.get()));
      return new MockServer(vertx, bound.get(), tenants, config, local, state);
    } catch (IllegalArgumentException badScenario) {
      local.close();
      vertx.close();
      throw new IllegalStateException(badScenario.getMessage(), badScenario);
    } catch (IllegalStateException badState) {
      local.close();
      vertx.close();
      throw badState;
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      local.close();
      vertx.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("could not listen on " + config.host() + ":" + config.port()
          + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
  }

  private static void await(Future<?> deployed) throws InterruptedException, ExecutionException, TimeoutException {
    deployed.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /**
   * One event loop's router. Every request first passes the plumbing, in this order: its deadline is
   * tracked; malformed requests and paths that are not literal are refused; the control plane checks
   * who asks; the request journal takes note; writes wait for room in the stored data; the body is
   * read. Then the control plane, the API (fault rules first) and its pages.
   */
  private static void mount(Router router, Vertx vertx, MockConfig config, TenantRegistry tenants, FaultsAndJournal scripting,
                               ControlPlaneGuard guard, RequestDeadlines deadlines, byte[] recordingFile,
                               StateTransfer state) {
    if (config.localDev().verbose()) {
      new io.livedigitalmock.server.http.AccessLog(tenants, System.out).mount(router);
    }
    StoredDataGuard storedData = new StoredDataGuard(tenants.data());
    Handler<RoutingContext> bodies = RequestBodies.upTo(config.bodyLimitBytes());
    Handler<RoutingContext> stateBodies = RequestBodies.upTo(StateControl.bodyLimit(config.limits().dataBytes(),
        config.bodyLimitBytes()));
    RequestJournaling journaling = scripting.journaling(tenants);
    // one handler: each handler of a route costs Vert.x a step through its routing on every request
    router.route().handler(ctx -> {
      deadlines.track(ctx);
      MalformedRequests.check(ctx);
      LiteralPaths.check(ctx);
      guard.check(ctx);
      journaling.watch(ctx);
      storedData.pagesAndControlPlane(ctx);
      (ctx.request().method() == HttpMethod.PUT && ctx.normalizedPath().equals("/_mock/state")
          ? stateBodies : bodies).handle(ctx);
    });
    router.route().failureHandler(Responses::failure);
    for (int status : new int[] {400, 404, 405, 413, 500}) {
      router.errorHandler(status, Responses::failure);
    }
    scripting.markUnknownRoutes(router);
    router.route("/_mock/*").subRouter(new ControlApi(tenants, scripting.webhooks(), state).router(vertx));
    List<Handler<RoutingContext>> beforeOperations = new ArrayList<>(scripting.beforeOperations(tenants));
    beforeOperations.add(storedData::operation);
    new ApiRoutes(tenants, recordingFile).mount(router, beforeOperations);
  }

  /** The hosts the mock knows it has: the one it binds (unless all interfaces) and its room links' host. */
  private static ControlPlaneGuard controlPlaneGuard(MockConfig config) {
    java.util.Set<String> hosts = new java.util.HashSet<>();
    if (!java.util.Set.of("0.0.0.0", "::", "[::]").contains(config.host())) {
      hosts.add(config.host());
    }
    if (config.roomBaseUrl() != null) {
      try {
        String host = java.net.URI.create(config.roomBaseUrl()).getHost();
        if (host != null) {
          hosts.add(host);
        }
      } catch (IllegalArgumentException notAUri) {
        // links name it as given; it names no host to allow
      }
    }
    ControlPlane plane = config.controlPlane();
    return new ControlPlaneGuard(plane.enabled(), plane.token(), hosts, plane.allowedHosts());
  }

  private static byte[] sampleRecording() {
    try (var in = MockServer.class.getResourceAsStream("sample-recording.mp4")) {
      if (in == null) {
        throw new IllegalStateException("sample-recording.mp4 missing from the jar");
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** Where clients reach it; always loopback, also when bound to all interfaces. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public TenantRegistry tenants() {
    return tenants;
  }

  public MockConfig config() {
    return config;
  }

  /** The whole state out and in (what {@code /_mock/state} serves). */
  public StateTransfer state() {
    return state;
  }

  /** Where {@code --state-dir} keeps the state and what was loaded; null without one. */
  public String stateSummary() {
    return local.summary();
  }

  /** Saves the state (with {@code --state-dir}), stops listening and releases every thread; waits at most 10 s. */
  @Override
  public void close() {
    local.close();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // closing is best effort: a stuck connection must not keep the JVM from exiting
    }
  }
}
