package io.livedigitalmock.pact;

import au.com.dius.pact.provider.junitsupport.State;
import io.livedigitalmock.junit.Livedigital;
import io.livedigitalmock.junit.ReceivedRequest;
import io.livedigitalmock.junit.Receiver;
import io.livedigitalmock.junit.Simulation.Guest;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The provider-state vocabulary of the livedigital API, as Pact JVM state-change handlers. Register a
 * new one for every interaction:
 *
 * <pre>{@code
 * @BeforeEach
 * void before(PactVerificationContext context, Livedigital mock) {
 *   context.setTarget(HttpTestTarget.fromUrl(new URL(mock.baseUrl())));
 *   context.withStateChangeHandlers(LivedigitalStates.on(mock));
 * }
 * }</pre>
 *
 * <p>States build on each other within one interaction ("a room exists in the space" uses the space of
 * "a space exists", or makes one), and every state answers all values known so far, for
 * {@code fromProviderState} expressions: the tenant's {@code clientId, clientSecret, userId, userEmail,
 * userPassword, clientToken, userToken, newUserEmail} always, plus the ids the states made
 * ({@code spaceId, roomId, roomAlias, channelId, ...}; see each method). States marked
 * {@link NeedsControlPlane} exist only on the mock.
 */
public final class LivedigitalStates {

  private static final Duration WEBHOOK_WAIT = Duration.ofSeconds(10);
  /** What the SDK example apps hard-code [sdk]. */
  private static final String SDK_APPS_CLIENT_ID = "moodhood-demo";
  private static final String SDK_APPS_CLIENT_SECRET = "demo12345abcde6789zxcvDemo";

  private final StateBackend backend;
  private final Map<String, Object> made = new LinkedHashMap<>();
  private String otherUserToken;
  private Receiver receiver;

  private LivedigitalStates(StateBackend backend) {
    this.backend = backend;
  }

  /** States on the mock behind {@code mock} (in-process or in a container), in its tenant. */
  public static LivedigitalStates on(Livedigital mock) {
    return new LivedigitalStates(new MockBackend(mock));
  }

  /** States on a live livedigital host, through its public API only. */
  public static LivedigitalStates onRealApi(RealApi api) {
    return new LivedigitalStates(api);
  }

  /** Every state name this class handles. */
  public static Set<String> names() {
    return stateMethods().stream().flatMap(m -> Arrays.stream(m.getAnnotation(State.class).value()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The states only the mock can make ({@link NeedsControlPlane}). */
  public static Set<String> controlPlaneStates() {
    return stateMethods().stream().filter(m -> m.isAnnotationPresent(NeedsControlPlane.class))
        .flatMap(m -> Arrays.stream(m.getAnnotation(State.class).value()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Everything the states made so far, with the tenant's credentials and tokens. */
  public Map<String, Object> values() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("clientId", backend.clientId());
    values.put("clientSecret", backend.clientSecret());
    values.put("userId", backend.userId());
    values.put("userEmail", backend.userEmail());
    values.put("userPassword", backend.userPassword());
    values.put("clientToken", backend.clientToken());
    values.put("userToken", backend.userToken());
    made.computeIfAbsent("newUserEmail", k -> uniqueEmail("new-user"));
    values.putAll(made);
    return values;
  }

  // ---- who: the client, its user, another user --------------------------------------------------

  /** The integration's OAuth client and its registered user (the guide's setup); nothing is made. */
  @State("the client and its user exist")
  public Map<String, Object> clientAndUser() {
    return values();
  }

  /** The user logged in with the password grant: {@code refreshToken}. */
  @State("the user has logged in")
  public Map<String, Object> userLoggedIn() {
    made.put("refreshToken", backend.api().token(Map.of("grant_type", "password", "client_id", backend.clientId(),
        "client_secret", backend.clientSecret(), "username", backend.userEmail(),
        "password", backend.userPassword())).path("refresh_token").asText());
    return values();
  }

  /** A second registered user: {@code otherUserId, otherUserEmail, otherUserPassword, otherUserToken}. */
  @State("a second user exists")
  public Map<String, Object> secondUser() {
    String email = uniqueEmail("student");
    String password = "pw-" + UUID.randomUUID();
    made.put("otherUserId", backend.createUser(email, password, "Second User"));
    made.put("otherUserEmail", email);
    made.put("otherUserPassword", password);
    otherUserToken = backend.api().token(Map.of("grant_type", "password", "client_id", backend.clientId(),
        "client_secret", backend.clientSecret(), "username", email, "password", password))
        .path("access_token").asText();
    made.put("otherUserToken", otherUserToken);
    return values();
  }

  // ---- spaces and rooms ---------------------------------------------------------------------------

  /** A public space of the user's (params: {@code name}, {@code isPublic}): {@code spaceId}. */
  @State("a space exists")
  public Map<String, Object> space(Map<String, Object> params) {
    Map<String, Object> fields = new LinkedHashMap<>(Map.of("name", "Lyceum 7", "isPublic", true));
    fields.putAll(params);
    made.put("spaceId", backend.createSpace(fields));
    return values();
  }

  /**
   * A public lesson room in the space (params: {@code name}, {@code type}, {@code isPublic}):
   * {@code roomId, roomAlias, channelId}.
   */
  @State("a room exists in the space")
  public Map<String, Object> room(Map<String, Object> params) {
    Map<String, Object> fields = new LinkedHashMap<>(Map.of("name", "Algebra 9A", "isPublic", true));
    fields.putAll(params);
    StateBackend.Room room = backend.createRoom(spaceId(), fields);
    made.put("roomId", room.id());
    made.put("roomAlias", room.alias());
    made.put("channelId", room.channelId());
    return values();
  }

  /** What the SDK example apps join: a public room of a public space ({@code spaceId, roomId, roomAlias}). */
  @State("a public room exists in a public space")
  public Map<String, Object> publicRoom() {
    space(Map.of("isPublic", true));
    return room(Map.of("isPublic", true));
  }

  /** An invite to the space (param {@code role}, default {@code role_space_user}): {@code inviteId}. */
  @State("an invite to the space exists")
  public Map<String, Object> invite(Map<String, Object> params) {
    Object role = params.getOrDefault("role", "role_space_user");
    made.put("inviteId", backend.api().post("/v1/spaces/" + spaceId() + "/invites", Map.of("role", role),
        backend.userToken()).path("id").asText());
    return values();
  }

  /** The invite was activated by the second user (states before: a second user, an invite). */
  @State("the invite has been activated")
  public Map<String, Object> inviteActivated() {
    if (otherUserToken == null) {
      secondUser();
    }
    backend.api().post("/v1/spaces/" + spaceId() + "/invites/" + required("inviteId") + "/activate", null,
        otherUserToken);
    return values();
  }

  /**
   * The space's webhook (param {@code url}; on the mock by default a built-in receiver that records what
   * it gets, see {@link #awaitWebhook}): {@code webhookUrl, webhookSecret}.
   */
  @State("a webhook is registered for the space")
  public Map<String, Object> webhook(Map<String, Object> params) {
    Object url = params.get("url");
    if (url == null) {
      if (backend.mock() != null) {
        receiver = backend.mock().receivers().create(200);
        url = receiver.url();
      } else {
        url = "https://lms.example.com/livedigital/webhook";
      }
    }
    StateBackend.Webhook hook = backend.registerWebhook(spaceId(), url.toString());
    made.put("webhookUrl", hook.url());
    made.put("webhookSecret", hook.secret());
    return values();
  }

  /**
   * The mock's built-in tenant of the public SDK example apps: their hard-coded client {@code moodhood-demo},
   * rooms and alias {@code q3_5V3uwik}; answers {@code sdkClientToken}, a guest token of that client.
   */
  @State("the SDK example apps' tenant exists")
  @NeedsControlPlane("the mock's built-in tenant of the SDK example apps (the real one is not the run's to use)")
  public Map<String, Object> sdkExampleTenant() {
    mock("the SDK example apps' tenant exists");
    made.put("sdkClientToken", backend.api().token(Map.of("grant_type", "client_credentials",
        "client_id", SDK_APPS_CLIENT_ID, "client_secret", SDK_APPS_CLIENT_SECRET)).path("access_token").asText());
    return values();
  }

  // ---- people in rooms ----------------------------------------------------------------------------

  /** A participant of the room, made as the SDK apps make one: {@code participantId}. */
  @State("a participant exists in the room")
  public Map<String, Object> participant() {
    made.put("participantId", backend.api().post("/v1/spaces/" + spaceId() + "/participants",
        Map.of("name", "iPhone15,2 @ iOS 17.5", "roomId", roomId(), "clientUniqueId", UUID.randomUUID().toString()),
        backend.userToken()).path("id").asText());
    return values();
  }

  /** That participant has joined the room once already. */
  @State("the participant has joined the room")
  public Map<String, Object> participantJoined() {
    if (!made.containsKey("participantId")) {
      participant();
    }
    backend.api().post("/v1/spaces/" + spaceId() + "/rooms/" + roomId() + "/join",
        Map.of("participantId", made.get("participantId")), backend.userToken());
    return values();
  }

  /** A call in the room: a moderator joined (a call starts with its first participant): {@code callId}. */
  @State("a call is in progress in the room")
  @NeedsControlPlane("a call: people join through the media service")
  public Map<String, Object> callInProgress() {
    Livedigital mock = mock("a call is in progress in the room");
    made.put("callParticipantId", mock.simulate().join(roomId(), Guest.named("Maria Ivanovna").withRole("moderator")));
    made.put("callId", mock.simulate().roomState(roomId()).activeCallId());
    return values();
  }

  /**
   * A call with two participants that has finished, in the room: {@code callId} and {@code callStartedAt}
   * (ISO instant, for analyticsCalls's {@code date}).
   */
  @State("a finished call with 2 participants exists")
  @NeedsControlPlane("a call: people join and leave through the media service")
  public Map<String, Object> finishedCall() {
    Livedigital mock = mock("a finished call with 2 participants exists");
    String room = roomId();
    Instant started = mock.clock().now();
    String alice = mock.simulate().join(room, Guest.named("Alice").withExternalUserId("lms-student-1")
        .withEmail("alice@lyceum7.test"));
    String bob = mock.simulate().join(room, Guest.named("Bob").withExternalUserId("lms-student-2"));
    mock.clock().advance(Duration.ofMinutes(45));
    mock.simulate().leave(bob);
    mock.simulate().leave(alice);
    var calls = mock.simulate().roomState(room).callIds();
    made.put("callId", calls.get(calls.size() - 1));
    made.put("callStartedAt", started.toString());
    return values();
  }

  // ---- recordings ---------------------------------------------------------------------------------

  /** A recording under way in the room's call: {@code recordId}. */
  @State("a recording is in progress in the room")
  @NeedsControlPlane("a recording: made by the media service during a call")
  public Map<String, Object> recordingInProgress() {
    Livedigital mock = mock("a recording is in progress in the room");
    if (!made.containsKey("callId")) {
      callInProgress();
    }
    made.put("recordId", mock.simulate().startRecording(roomId()));
    return values();
  }

  /** A finished recording of the room (stopped 5 s after it started): {@code recordId}. */
  @State("a recording exists")
  @NeedsControlPlane("a recording: made by the media service during a call")
  public Map<String, Object> finishedRecording() {
    Livedigital mock = mock("a recording exists");
    recordingInProgress();
    mock.clock().advance(Duration.ofSeconds(5));
    mock.simulate().stopRecording(roomId());
    return values();
  }

  /** A recording stopped within 3 s of its start ({@code record_aborted}): {@code recordId}. */
  @State("a recording was aborted")
  @NeedsControlPlane("a recording: made by the media service during a call")
  public Map<String, Object> abortedRecording() {
    Livedigital mock = mock("a recording was aborted");
    recordingInProgress();
    mock.simulate().stopRecording(roomId());
    return values();
  }

  /** A recording the media service failed ({@code record_failed}): {@code recordId}. */
  @State("a recording has failed")
  @NeedsControlPlane("a failure of the media service")
  public Map<String, Object> failedRecording() {
    Livedigital mock = mock("a recording has failed");
    recordingInProgress();
    mock.simulate().failRecording(roomId());
    return values();
  }

  // ---- time ---------------------------------------------------------------------------------------

  /** The user's access token, then a week and a second later: {@code expiredAccessToken}. */
  @State("the user's access token has expired")
  @NeedsControlPlane("the mock's clock")
  public Map<String, Object> expiredAccessToken() {
    Livedigital mock = mock("the user's access token has expired");
    made.put("expiredAccessToken", mock.userToken());
    mock.clock().advance(Duration.ofSeconds(604_801));
    return values();
  }

  // ---- webhooks -----------------------------------------------------------------------------------

  /**
   * The raw JSON the mock POSTed for {@code eventName} to the receiver of "a webhook is registered for
   * the space", once its signature was checked against the webhook's secret: what a message pact of a
   * webhook receiver is verified against.
   *
   * @throws AssertionError if none arrives within 10 s, or its signature does not verify
   */
  public String awaitWebhook(String eventName) {
    mock("a webhook delivery");
    if (receiver == null) {
      throw new IllegalStateException("no receiver: give the interaction the state \"a webhook is registered "
          + "for the space\" (without a url)");
    }
    ReceivedRequest request = receiver.awaitNext(eventName, WEBHOOK_WAIT);
    if (!request.verified()) {
      throw new AssertionError(eventName + " arrived with a signature that does not verify: " + request.body());
    }
    return request.body();
  }

  // ---- helpers ------------------------------------------------------------------------------------

  private String spaceId() {
    if (!made.containsKey("spaceId")) {
      space(Map.of());
    }
    return (String) made.get("spaceId");
  }

  private String roomId() {
    if (!made.containsKey("roomId")) {
      room(Map.of());
    }
    return (String) made.get("roomId");
  }

  private String required(String key) {
    Object value = made.get(key);
    if (value == null) {
      throw new IllegalStateException("no " + key + " yet: an earlier state of the interaction makes it");
    }
    return value.toString();
  }

  private Livedigital mock(String state) {
    Livedigital mock = backend.mock();
    if (mock == null) {
      throw new UnsupportedOperationException("\"" + state + "\" needs the mock's control plane; the real "
          + "API has no way to make it");
    }
    return mock;
  }

  private static String uniqueEmail(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 12) + "@lms.example.com";
  }

  private static java.util.List<Method> stateMethods() {
    return Arrays.stream(LivedigitalStates.class.getMethods()).filter(m -> m.isAnnotationPresent(State.class))
        .toList();
  }
}
