package io.livedigitalmock.server.sdk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.sdk.SdkAppClient.Platform;
import io.livedigitalmock.server.support.MockServerExtension;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public livedigital SDK example apps, replayed request by request against the mock, reconnects
 * included, with the credentials, ids and alias they hard-code. Sources (repositories
 * {@code VLprojects/livedigital-ios-sdk-binary}, folder {@code Example/}, and
 * {@code VLprojects/livedigital-android-sdk-binary}, folder {@code example/}): the iOS
 * {@code StockMoodhoodAPIClient} and its view models ({@code ViewController}, {@code StockSessionPresenter},
 * {@code ConferenceSessionVM}, {@code ConferenceFlowCoordinator}); the Android {@code MoodHoodApiService},
 * {@code HeadersInterceptor} and the {@code MainViewModel}s of {@code example/example},
 * {@code samples/conference-xml}, {@code samples/conference-compose} and {@code samples/calls}.
 * What each app sends and which answer fields it decodes as required is in {@link SdkAppClient}.
 */
@ExtendWith(MockServerExtension.class)
class SdkExampleAppsTest {

  private static final String CLIENT_ID = "moodhood-demo";
  private static final String CLIENT_SECRET = "demo12345abcde6789zxcvDemo";
  private static final String ALIAS = "q3_5V3uwik";
  private static final String ANDROID_SPACE = "612dbb98b2f9d4a99f18f553";
  private static final String ANDROID_ROOM = "61554214ae218a31f78e8bc8";
  private static final String IOS_SPACE = "6144806aac512ee6cd29be10";
  private static final String IOS_ROOM = "66cbf30dd3522636cfeb77cb";
  /** Every field some version of the iOS {@code Room} model declares as a non-optional String. */
  private static final String[] IOS_ROOM_FIELDS = {"id", "alias", "name", "spaceId", "channelId"};

  private String baseUrl;

  @BeforeEach
  void freshSdkExampleTenant(MockServer server) {
    baseUrl = server.baseUrl();
    given().baseUri(baseUrl).post("/_mock/tenants/{c}/reset", CLIENT_ID).then().statusCode(200);
  }

  /** iOS, first example: fixed ids, room by id, join once the SDK joined the channel, join again on its restart. */
  @Test
  void iosFixedIdsExample() {
    SdkAppClient app = new SdkAppClient(baseUrl, Platform.IOS, CLIENT_ID, CLIENT_SECRET);
    String clientUniqueId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    app.authorizeAsGuest();
    app.roomById(IOS_SPACE, IOS_ROOM, "id", "channelId");
    String participant = app.createParticipant(IOS_SPACE, IOS_ROOM, "iPhone", clientUniqueId);
    app.signalingToken(IOS_SPACE, participant);
    app.join(IOS_SPACE, IOS_ROOM, participant);

    app.join(IOS_SPACE, IOS_ROOM, participant);   // the SDK restarted itself and joined the channel again

    assertEquals(List.of(participant), inRoom(IOS_ROOM));
  }

  /** iOS, alias examples: room by alias, join after connecting; a restart creates a new participant, same id. */
  @Test
  void iosAliasExampleWithReconnect() {
    SdkAppClient app = new SdkAppClient(baseUrl, Platform.IOS, CLIENT_ID, CLIENT_SECRET);
    String clientUniqueId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    app.authorizeAsGuest();
    JsonPath room = app.roomByAlias(ALIAS, IOS_ROOM_FIELDS);
    String spaceId = room.getString("spaceId");
    String roomId = room.getString("id");
    String first = app.createParticipant(spaceId, roomId, "iPhone", clientUniqueId);
    app.signalingToken(spaceId, first);
    app.join(spaceId, roomId, first);

    // sessionNeedsRestart: the token is reused, the clientUniqueId too, the participant is new
    String second = app.createParticipant(spaceId, roomId, "iPhone", clientUniqueId);
    app.signalingToken(spaceId, second);
    app.join(spaceId, roomId, second);

    assertNotEquals(first, second);
    assertEquals(ANDROID_ROOM, roomId, "the alias names the built-in room");
    assertEquals(List.of(first, second), inRoom(roomId));
  }

  /**
   * iOS, newest conference flow: a lowercase device UUID kept across launches, and no join at all:
   * the app connects to the media server with the signaling token. The test plays that part.
   */
  @Test
  void iosNewestExampleNeverCallsJoin() {
    SdkAppClient app = new SdkAppClient(baseUrl, Platform.IOS, CLIENT_ID, CLIENT_SECRET);
    String deviceId = UUID.randomUUID().toString();
    app.authorizeAsGuest();
    JsonPath room = app.roomByAlias(ALIAS, "id", "name", "alias", "spaceId");
    String spaceId = room.getString("spaceId");
    String roomId = room.getString("id");
    String participant = app.createParticipant(spaceId, roomId, "iPhone15,2 @ iOS 17.5", deviceId);
    app.signalingToken(spaceId, participant);
    String again = app.createParticipant(spaceId, roomId, "iPhone15,2 @ iOS 17.5", deviceId);   // reconnect
    app.signalingToken(spaceId, again);

    JsonPath state = roomState(roomId);
    assertEquals(List.of(), state.getList("participants.id"));
    assertEquals(List.of(participant, again), state.getList("notYetJoined.id"));

    given().baseUri(baseUrl).post("/_mock/participants/{p}/join", again).then().statusCode(200);
    assertEquals(List.of(again), inRoom(roomId));
  }

  /** Android, example/example: fixed ids, room by id, a new ObjectId per participant; a restart redoes everything. */
  @Test
  void androidExampleWithRestart() {
    SdkAppClient app = new SdkAppClient(baseUrl, Platform.ANDROID, CLIENT_ID, CLIENT_SECRET);
    String first = androidConference(app, true);
    app.logout();
    String second = androidConference(app, true);

    assertNotEquals(first, second);
    assertEquals(List.of(first, second), inRoom(ANDROID_ROOM));
  }

  /** Android, samples/conference-xml: the room is never fetched. */
  @Test
  void androidConferenceXmlSample() {
    SdkAppClient app = new SdkAppClient(baseUrl, Platform.ANDROID, CLIENT_ID, CLIENT_SECRET);
    String participant = androidConference(app, false);
    assertEquals(List.of(participant), inRoom(ANDROID_ROOM));
  }

  /** Android, samples/calls: the room alias from the push payload; the call's end logs out. */
  @Test
  void androidCallsSample() {
    SdkAppClient app = new SdkAppClient(baseUrl, Platform.ANDROID, CLIENT_ID, CLIENT_SECRET);
    app.authorizeAsGuest();
    JsonPath room = app.roomByAlias(ALIAS, "id", "spaceId", "channelId");
    String spaceId = room.getString("spaceId");
    String roomId = room.getString("id");
    String participant = app.createParticipant(spaceId, roomId, "Google Pixel 8", objectId());
    app.signalingToken(spaceId, participant);
    app.join(spaceId, roomId, participant);
    assertEquals(List.of(participant), inRoom(roomId));

    given().baseUri(baseUrl).post("/_mock/rooms/{r}/end-call", roomId).then().statusCode(200);
    app.logout();
    assertEquals(List.of(), inRoom(roomId));
  }

  /** Android, example/example and samples/conference-compose: token, [room,] participant, signaling token, join. */
  private static String androidConference(SdkAppClient app, boolean fetchRoom) {
    app.authorizeAsGuest();
    if (fetchRoom) {
      app.roomById(ANDROID_SPACE, ANDROID_ROOM, "channelId");
    }
    String participant = app.createParticipant(ANDROID_SPACE, ANDROID_ROOM, "Google Pixel 8", objectId());
    app.signalingToken(ANDROID_SPACE, participant);
    app.join(ANDROID_SPACE, ANDROID_ROOM, participant);
    return participant;
  }

  /** The Android apps make clientUniqueId a fresh 24-hex ObjectId each time. */
  private static String objectId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }

  private List<String> inRoom(String roomId) {
    return roomState(roomId).getList("participants.id");
  }

  private JsonPath roomState(String roomId) {
    return given().baseUri(baseUrl).get("/_mock/rooms/{r}", roomId).then().statusCode(200).extract().jsonPath();
  }
}
