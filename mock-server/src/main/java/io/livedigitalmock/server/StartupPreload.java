package io.livedigitalmock.server;

import java.util.List;

/**
 * Loads and initializes, on a second thread, classes the server needs later in its start, while the main
 * thread parses the options and starts Vert.x. A start is mostly loading classes, one after another on
 * one thread, with the other core idle; what this thread has made ready the main thread and the event
 * loops find done (or wait for, never doing it twice). Each name starts a large graph of classes, listed
 * in the order the start needs them; a name that no longer exists is skipped ({@code StartupPreloadTest}
 * keeps the list true). Loading every class of the server's own as well made the start slower: the
 * second core is shared with the JIT compilers.
 */
final class StartupPreload {

  static final List<String> CLASSES = List.of(
      "io.vertx.core.VertxOptions",
      "io.vertx.core.http.HttpServerOptions",
      "io.vertx.core.impl.VertxImpl",
      "io.netty.channel.nio.NioIoHandler",
      "io.vertx.ext.web.impl.RouterImpl",
      "io.vertx.core.http.impl.HttpServerImpl",
      "io.vertx.core.net.impl.NetServerImpl",
      "io.livedigitalmock.server.control.ControlApi",
      "io.livedigitalmock.server.http.ApiRoutes",
      "io.vertx.core.http.impl.Http1xServerConnection",
      "io.netty.handler.codec.http.HttpServerCodec",
      "com.fasterxml.jackson.core.JsonFactory",
      // what the first request meets: the router's context, and the codec of every JSON answer
      "io.vertx.core.http.impl.Http1xServerRequest",
      "io.vertx.core.http.impl.Http1xServerResponse",
      "io.vertx.ext.web.impl.RoutingContextImpl",
      "io.vertx.ext.web.impl.RequestBodyImpl",
      "io.vertx.core.json.jackson.JacksonCodec",
      "io.vertx.core.json.jackson.HybridJacksonPool",
      "com.fasterxml.jackson.core.util.JsonRecyclerPools",
      "com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer",
      "com.fasterxml.jackson.core.json.UTF8JsonGenerator");

  private StartupPreload() {
  }

  /** Starts the loading; the thread is a daemon and ends when the list is done. */
  static void start() {
    Thread thread = new Thread(StartupPreload::run, "livedigital-mock-preload");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    ClassLoader loader = StartupPreload.class.getClassLoader();
    for (String name : CLASSES) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // gone, or not loadable here: it is loaded when first used, as without this thread
      }
    }
  }
}
