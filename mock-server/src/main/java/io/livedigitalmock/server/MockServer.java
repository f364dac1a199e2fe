package io.livedigitalmock.server;

import io.livedigitalmock.server.control.ControlApi;
import io.livedigitalmock.server.domain.DeliveryJournal;
import io.livedigitalmock.server.domain.MockClock;
import io.livedigitalmock.server.domain.ServerContext;
import io.livedigitalmock.server.domain.UrlSigner;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.http.ApiRoutes;
import io.livedigitalmock.server.http.JwtTokenCodec;
import io.livedigitalmock.server.http.Responses;
import io.livedigitalmock.server.webhooks.WebhookDispatcher;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The composition root: builds the domain, mounts the API and the control plane on one router, and
 * listens. Start it from {@link Main}, or in-process from tests and the JUnit extension.
 */
public final class MockServer implements AutoCloseable {

  private final Vertx vertx;
  private final HttpServer server;
  private final TenantRegistry tenants;
  private final MockConfig config;

  private MockServer(Vertx vertx, HttpServer server, TenantRegistry tenants, MockConfig config) {
    this.vertx = vertx;
    this.server = server;
    this.tenants = tenants;
    this.config = config;
  }

  /** Starts and waits until the port is bound. */
  public static MockServer start(MockConfig config) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4));
    try {
      byte[] recordingFile = sampleRecording();
      MockClock clock = MockClock.system();
      DeliveryJournal journal = new DeliveryJournal();
      WebhookDispatcher dispatcher = new WebhookDispatcher(vertx, journal, clock,
          config.webhookRetryInterval(), config.webhookTimeout());
      FaultsAndJournal scripting = new FaultsAndJournal(vertx, config.faultsAndJournal(), dispatcher, journal, clock);
      TenantRegistry tenants = new TenantRegistry(new ServerContext(config.effectiveSeed(), clock,
          new JwtTokenCodec(vertx, config.jwtSecret()),
          config::roomBaseUrl,
          scripting.webhooks(), journal, new UrlSigner(config.jwtSecret()), recordingFile.length,
          scripting.faults(), scripting.requests()), config.demo(), config.sdkExampleTenant());
      Router router = Router.router(vertx);
      scripting.install(router, tenants, config.demo().clientId());
      router.route().handler(BodyHandler.create(false).setBodyLimit(config.bodyLimitBytes()));
      router.route().failureHandler(Responses::failure);
      for (int status : new int[] {400, 404, 405, 413, 500}) {
        router.errorHandler(status, Responses::failure);
      }
      scripting.markUnknownRoutes(router);
      router.route("/_mock/*").subRouter(new ControlApi(tenants, scripting.webhooks()).router(vertx));
      new ApiRoutes(tenants, recordingFile).mount(router, scripting.beforeOperations(tenants));
      HttpServer server = vertx.createHttpServer(new HttpServerOptions()
              .setHost(config.host()).setPort(config.port()))
          .requestHandler(router)
          .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return new MockServer(vertx, server, tenants, config);
    } catch (IllegalArgumentException badScenario) {
      vertx.close();
      throw new IllegalStateException(badScenario.getMessage(), badScenario);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      vertx.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("could not listen on " + config.host() + ":" + config.port()
          + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
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
    return server.actualPort();
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

  /** Stops listening and releases every thread; waits at most 10 s. */
  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // closing is best effort: a stuck connection must not keep the JVM from exiting
    }
  }
}
