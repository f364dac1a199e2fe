package io.livedigitalmock.server;

import io.livedigitalmock.server.http.MalformedRequests;
import io.livedigitalmock.server.http.RequestDeadlines;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One HTTP server on one event loop. {@link MockServer} deploys one per event loop, all on the same
 * host and port: Vert.x binds the socket once and hands each new connection to the next of them in
 * turn, so connections are served on every core. Each has its own router, built by the same code
 * over the one shared domain (whose stores are safe under concurrency).
 */
final class EventLoopServer extends VerticleBase {

  private final HttpServerOptions options;
  private final BiConsumer<Vertx, Router> routes;
  private final RequestDeadlines deadlines;
  private final Consumer<HttpServer> listening;

  /** {@code listening}: told of the server once it listens (its actual port when the port was 0). */
  EventLoopServer(HttpServerOptions options, BiConsumer<Vertx, Router> routes, RequestDeadlines deadlines,
                  Consumer<HttpServer> listening) {
    this.options = options;
    this.routes = routes;
    this.deadlines = deadlines;
    this.listening = listening;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    Future<HttpServer> listened = vertx.createHttpServer(options)
        .connectionHandler(deadlines::connected)
        .requestHandler(MalformedRequests.guard(router))
        .invalidRequestHandler(MalformedRequests::invalid)
        .webSocketHandler(MalformedRequests::noWebSockets)
        .listen();
    // The routes are mounted while the acceptor thread binds the socket, not before: this event loop
    // serves none of its connections until this method returns, so no request meets a router half made.
    routes.accept(vertx, router);
    return listened.onSuccess(listening::accept);
  }
}
