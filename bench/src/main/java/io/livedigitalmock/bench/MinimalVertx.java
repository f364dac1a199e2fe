package io.livedigitalmock.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor of a stateful write on this stack: what any Vert.x app must do for the three writes
 * bench/run.sh measures, and nothing more. It reads and parses the JSON body, keeps what it makes in a
 * map for good, signs JWTs with vertx-auth-jwt where the operation hands out tokens, and renders the
 * mock's answer with Jackson. It does no token check (a bearer header is enough), no journal, no
 * limits, no fault hooks and no validation beyond one required field. The mock's writes are measured
 * against it as well as against {@link BareVertx}'s fixed answer: the bare server's POST never reads
 * the body nor keeps anything, and the share of its rate that this floor reaches is the most a
 * stateful write here could.
 *
 * {@code java -cp bench/target/classes:mock-server/target/livedigital-mock-server.jar
 * io.livedigitalmock.bench.MinimalVertx <port> [eventLoops]}; prints {@code ready} when it answers.
 * {@code POST /_mock/reset} empties it, as the mock's reset does.
 */
public final class MinimalVertx {

  private record Room(String id, String alias, String spaceId, String name, String type, long createdAt) {
  }

  private record Link(String alias, String roomId, String token) {
  }

  private static final JWTOptions SIGNING = new JWTOptions().setAlgorithm("HS256").setNoTimestamp(true);

  private final Map<String, Room> rooms = new ConcurrentHashMap<>();
  private final Map<String, Link> links = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final JWTAuth jwt;

  private MinimalVertx(Vertx vertx) {
    jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer("bench-secret")));
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int eventLoops = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
    MinimalVertx app = new MinimalVertx(vertx);
    vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.post("/_mock/reset").handler(app::reset);
        router.post("/v1/auth/token").handler(app::token);
        router.post("/v1/spaces/:spaceId/rooms").handler(app::createRoom);
        router.post("/v1/spaces/:spaceId/rooms/:roomId/generate-access").handler(app::generateAccess);
        return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
            .requestHandler(router).listen();
      }
    }, new DeploymentOptions().setInstances(eventLoops)).await();
    System.out.println("ready");
  }

  private void reset(RoutingContext ctx) {
    rooms.clear();
    links.clear();
    ctx.response().setStatusCode(204).end();
  }

  /** Two tokens, as the mock's password grant gives. */
  private void token(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    if (body == null || !"demo-password".equals(body.getString("password"))) {
      ctx.response().setStatusCode(401).end();
      return;
    }
    long now = Instant.now().getEpochSecond();
    JsonObject answer = new JsonObject().put("token_type", "Bearer")
        .put("access_token", sign("accessToken", now, now + 7 * 86_400))
        .put("refresh_token", sign("refreshToken", now, now + 30 * 86_400));
    json(ctx, 200, answer);
  }

  private void createRoom(RoutingContext ctx) {
    JsonObject body = body(ctx, "name");
    if (body == null) {
      return;
    }
    String id = nextId();
    Room room = new Room(id, alias(id), ctx.pathParam("spaceId"), body.getString("name"),
        body.getString("type", "lesson"), System.currentTimeMillis());
    rooms.put(id, room);
    json(ctx, 201, render(room));
  }

  private void generateAccess(RoutingContext ctx) {
    JsonObject body = body(ctx, "username");
    if (body == null) {
      return;
    }
    long now = Instant.now().getEpochSecond();
    Link link = new Link(alias(nextId()), ctx.pathParam("roomId"), sign("accessToken", now, now + 86_400));
    links.put(link.alias(), link);
    json(ctx, 200, new JsonObject().put("url", "http://127.0.0.1/room/" + link.alias() + "?participantName="
        + body.getString("username").replace(' ', '+') + "&accessToken=" + link.token()));
  }

  /** The body if the caller sent a bearer header and the field; otherwise answered 401 or 400, null. */
  private static JsonObject body(RoutingContext ctx, String required) {
    String auth = ctx.request().getHeader("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      ctx.response().setStatusCode(401).end();
      return null;
    }
    JsonObject body = ctx.body().asJsonObject();
    if (body == null || body.getString(required) == null) {
      ctx.response().setStatusCode(400).end();
      return null;
    }
    return body;
  }

  private String sign(String type, long issuedAt, long expiresAt) {
    return jwt.generateToken(new JsonObject().put("sub", "d87ff9b8d5b103d6b784aff3").put("aud", "user")
        .put("type", type).put("cId", "d87ff9b8d5d5475ef59b3984").put("jti", nextId())
        .put("iat", issuedAt).put("exp", expiresAt), SIGNING);
  }

  private String nextId() {
    return String.format("%024x", ids.incrementAndGet());
  }

  private static String alias(String id) {
    return id.substring(id.length() - 10);
  }

  /** The mock's room, field for field. */
  private static JsonObject render(Room room) {
    return new JsonObject().put("id", room.id()).put("appId", null).put("channelId", room.id())
        .put("alias", room.alias()).put("name", room.name()).put("isPublic", true).put("spaceId", room.spaceId())
        .put("templateId", null).put("parentRoomId", null).put("isScreensharingAllowed", true)
        .put("isChatAllowed", true).put("isRecordAllowed", true).put("isAutoRecordingAllowed", false)
        .put("isMicrophonePublishingAllowed", true).put("isScreenMediaPublishingAllowed", true)
        .put("isCameraPublishingAllowed", true).put("isAvatarsAllowed", true).put("isSelfRenamingAllowed", true)
        .put("isHandRaisingAllowed", true).put("isRemoteDrawingAllowed", false).put("isFavorite", false)
        .put("type", room.type()).put("waitingRoomAudience", "nobody")
        .put("breakoutRooms", new JsonObject().put("status", "inactive")
            .put("session", new JsonObject().put("status", "inactive").put("startedAt", null)))
        .put("joinSettings", new JsonObject().put("fields", new JsonArray()).put("customFields", new JsonArray()))
        .put("lastCallAt", null).put("createdAt", Instant.ofEpochMilli(room.createdAt()).toString())
        .put("roleInRoom", "role_room_owner").put("redirectUrl", null);
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.toBuffer());
  }
}
