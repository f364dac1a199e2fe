package io.livedigitalmock.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * The servers the mock is measured against, each answering {@code GET /v1/spaces/{s}/rooms/{r}} (and,
 * for the bare server, every other benchmarked route) with a fixed room JSON of the mock's own shape:
 *
 * <ul>
 *   <li>{@code bare}: Vert.x 5 with nothing but a router: the ceiling a Vert.x app can reach here;
 *   <li>{@code wiremock}, {@code mockserver}: what a user would pick instead of the mock.
 * </ul>
 *
 * {@code java -cp … io.livedigitalmock.bench.Peers <bare|wiremock|mockserver> <port> [eventLoops]};
 * prints {@code ready} when it answers, runs until killed.
 */
public final class Peers {

  /** The size and shape of the mock's answer to getRoom. */
  static final String ROOM = "{\"id\":\"5f1e0c7a9b3d4e2f8a6c1b0d\",\"appId\":null,\"channelId\":\"6a2b3c4d5e6f7a8b9c0d1e2f\","
      + "\"alias\":\"EGBYWoMZJe\",\"name\":\"Lesson 1\",\"isPublic\":true,\"spaceId\":\"7b3c4d5e6f7a8b9c0d1e2f3a\","
      + "\"templateId\":null,\"parentRoomId\":null,\"isChatAllowed\":true,\"isFavorite\":false,\"isRecordAllowed\":true,"
      + "\"isScreensharingAllowed\":true,\"isAutoRecordingAllowed\":false,\"isMicrophonePublishingAllowed\":true,"
      + "\"isScreenMediaPublishingAllowed\":true,\"isCameraPublishingAllowed\":true,\"isAvatarsAllowed\":true,"
      + "\"isSelfRenamingAllowed\":true,\"isHandRaisingAllowed\":true,\"isRemoteDrawingAllowed\":false,\"type\":\"lesson\","
      + "\"waitingRoomAudience\":\"nobody\",\"breakoutRooms\":{\"status\":\"inactive\",\"session\":null},"
      + "\"joinSettings\":{\"fields\":[],\"customFields\":[]},\"lastCallAt\":null,"
      + "\"createdAt\":\"2026-12-02T05:00:00.000Z\",\"roleInRoom\":\"role_room_owner\",\"redirectUrl\":null}";

  private Peers() {
  }

  public static void main(String[] args) throws Exception {
    String kind = args[0];
    int port = Integer.parseInt(args[1]);
    int eventLoops = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    switch (kind) {
      case "bare" -> bare(port, eventLoops);
      case "wiremock" -> wiremock(port);
      case "mockserver" -> mockserver(port);
      default -> throw new IllegalArgumentException("unknown peer " + kind);
    }
    System.out.println("ready");
  }

  /** One HTTP server per event loop on one port, as the mock runs. */
  private static void bare(int port, int eventLoops) throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
    vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        Router router = Router.router(vertx);
        router.route("/v1/*").handler(ctx -> ctx.response()
            .putHeader("Content-Type", "application/json; charset=utf-8").end(ROOM));
        return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
            .requestHandler(router).listen();
      }
    }, new DeploymentOptions().setInstances(eventLoops)).await();
  }

  private static void wiremock(int port) {
    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(port)
        .disableRequestJournal().containerThreads(Math.max(16, Runtime.getRuntime().availableProcessors() * 8)));
    server.start();
    server.stubFor(get(urlPathMatching("/v1/spaces/[^/]+/rooms/[^/]+")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(ROOM)));
  }

  @SuppressWarnings("resource") // runs until the process is killed
  private static void mockserver(int port) {
    ClientAndServer server = ClientAndServer.startClientAndServer(port);
    server.when(HttpRequest.request().withMethod("GET").withPath("/v1/spaces/.*/rooms/.*"))
        .respond(HttpResponse.response().withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody(ROOM));
  }
}
