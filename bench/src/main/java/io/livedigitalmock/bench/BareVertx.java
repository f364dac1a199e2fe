package io.livedigitalmock.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * The ceiling a Vert.x app can reach here: Vert.x 5 with nothing but a router, one HTTP server per
 * event loop on one port (as the mock runs), answering every {@code /v1} request with a fixed room
 * JSON of the mock's own shape and size. Uses Vert.x only, so bench/run.sh can run it on the mock's
 * jar: the same Vert.x, Netty and Jackson as the mock, with nothing else on the class path.
 *
 * {@code java -cp bench/target/classes:mock-server/target/livedigital-mock-server.jar
 * io.livedigitalmock.bench.BareVertx <port> [eventLoops]}; prints {@code ready} when it answers.
 */
public final class BareVertx {

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

  private BareVertx() {
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    start(port, args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors());
    System.out.println("ready");
  }

  static void start(int port, int eventLoops) throws Exception {
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
}
