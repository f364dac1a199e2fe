package io.livedigitalmock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test's view of the mock: where it is, the tenant this class (or method) owns, ready tokens, and
 * the control plane as a typed API. Injected by {@link LivedigitalMockExtension} as a parameter or
 * into fields of this type. Public methods take and return JDK types and the small records of this
 * package; errors from the mock become {@link LivedigitalMockException}.
 *
 * <pre>{@code
 * String spaceId = mock.seed().createSpace("Lyceum 7");
 * String roomId = mock.seed().createRoom(spaceId, "Algebra 9A").id();
 * String participant = mock.simulate().join(roomId, "Alice");
 * mock.simulate().leave(participant);
 * Delivery finished = mock.deliveries().awaitNext("call_finished", Duration.ofSeconds(10));
 * }</pre>
 */
public final class Livedigital {

  private final SharedServer server;
  private final JsonHttp http;
  private final TenantRef tenant;
  private final SeedData seedData;
  /** The scenario loaded for every test ({@link LivedigitalMock#scenario()}), or null. */
  private final String scenario;
  private final AtomicReference<String> clientToken = new AtomicReference<>();
  private final AtomicReference<String> userToken = new AtomicReference<>();
  private final AtomicBoolean clockMoved = new AtomicBoolean();
  private volatile Seeded seeded = Seeded.NONE;

  private final TenantControl tenantControl;
  private final ClockControl clock;
  private final Seeding seeding;
  private final Simulation simulation;
  private final Deliveries deliveries;
  private final Receivers receivers;
  private final Faults faults;
  private final Journal journal;

  private Livedigital(SharedServer server, TenantRef tenant, SeedData seedData, String scenario) {
    this.server = server;
    this.http = server.http();
    this.tenant = tenant;
    this.seedData = seedData;
    this.scenario = scenario;
    this.tenantControl = new TenantControl(this);
    this.clock = new ClockControl(this);
    this.seeding = new Seeding(this);
    this.simulation = new Simulation(this);
    this.deliveries = new Deliveries(this);
    this.receivers = new Receivers(this);
    this.faults = new Faults(this);
    this.journal = new Journal(this);
  }

  /** A new tenant on {@code server}, with the seed data created in it. */
  static Livedigital create(SharedServer server, String plan, SeedData seedData) {
    return create(server, plan, seedData, null);
  }

  /** A new tenant on {@code server}, with the seed data created in it and the scenario loaded. */
  static Livedigital create(SharedServer server, String plan, SeedData seedData, String scenario) {
    Livedigital mock = new Livedigital(server, server.createTenant(plan), seedData, scenario);
    mock.applySeed();
    return mock;
  }

  /** {@code http://127.0.0.1:<port>} (in a container: the published port): root of API and control plane. */
  public String baseUrl() {
    return http.baseUrl();
  }

  /** {@code baseUrl() + "/v1"}: what an integrator configures as the livedigital API base. */
  public String apiBaseUrl() {
    return http.baseUrl() + "/v1";
  }

  public Mode mode() {
    return server.mode();
  }

  /**
   * The token the mock's control plane ({@code /_mock}) requires, as {@code Authorization: Bearer}:
   * the extension starts every mock with a random one and sends it itself; this is for tests that call
   * the control plane with a client of their own.
   */
  public String controlToken() {
    return http.controlToken();
  }

  /** Plan of the spaces this tenant creates. */
  public String plan() {
    return tenant.plan;
  }

  /** OAuth {@code client_id} of this tenant. */
  public String clientId() {
    return tenant.clientId;
  }

  public String clientSecret() {
    return tenant.clientSecret;
  }

  /** The client's object id: {@code sub} and {@code cId} of its client tokens. */
  public String clientObjectId() {
    return tenant.clientObjectId;
  }

  /** Id of the user the tenant was created with (the owner of what {@link #seed()} creates). */
  public String userId() {
    return tenant.userId;
  }

  /** That user's email: the password grant's {@code username}. */
  public String userEmail() {
    return tenant.userEmail;
  }

  public String userPassword() {
    return tenant.userPassword;
  }

  public String userName() {
    return tenant.userName;
  }

  /** A client-credentials access token; fetched once, renewed after the mock's clock was moved. */
  public String clientToken() {
    return cached(clientToken, () -> token(JsonHttp.object().put("grant_type", "client_credentials")));
  }

  /** An access token of the tenant's user (password grant); fetched once, renewed after the clock moved. */
  public String userToken() {
    return cached(userToken, () -> token(JsonHttp.object().put("grant_type", "password")
        .put("username", tenant.userEmail).put("password", tenant.userPassword)));
  }

  /** Reset, personal tokens, the links the mock "sent". */
  public TenantControl tenant() {
    return tenantControl;
  }

  /** This tenant's clock: read, advance, set. */
  public ClockControl clock() {
    return clock;
  }

  /** Creates users, spaces, rooms, webhooks and links through the public API, as the tenant's user. */
  public Seeding seed() {
    return seeding;
  }

  /** Ids of what {@link LivedigitalMock#seedData()} created, by name. */
  public Seeded seeded() {
    return seeded;
  }

  /** Joins, leaves, call ends, recordings: what the real service's users would make happen. */
  public Simulation simulate() {
    return simulation;
  }

  /** The webhook delivery log of this tenant, with waiting for the next delivery matching a filter. */
  public Deliveries deliveries() {
    return deliveries;
  }

  /** Webhook receivers on the mock itself that record and verify what they are sent. */
  public Receivers receivers() {
    return receivers;
  }

  /** Scripted failures of this tenant: {@code on("createRoom").nth(3).respond(503)}, scenarios. */
  public Faults faults() {
    return faults;
  }

  /** What the application sent: list, verify, wait for the next request. */
  public Journal journal() {
    return journal;
  }

  /**
   * The whole mock's state as a state file (JSON text, the format {@code --state-dir} keeps): every
   * tenant, this one and all others, with everything they store. Give it to {@link #restore} later,
   * on this mock or another.
   */
  public String snapshot() {
    return http.getText("/_mock/state");
  }

  /**
   * Replaces the whole mock's state (every tenant) with {@code stateJson}, as {@link #snapshot} made
   * it, all or nothing; tokens issued before the snapshot work again. This handle's tenant is then the
   * one the snapshot holds (take the snapshot after the tenant exists, in the same run).
   *
   * @throws LivedigitalMockException with the status (400, 409) and the problem when it cannot be restored
   */
  public void restore(String stateJson) {
    http.putJsonText("/_mock/state", stateJson);
  }

  @Override
  public String toString() {
    return "Livedigital[" + mode() + " " + baseUrl() + ", clientId=" + clientId() + ", user=" + userEmail() + "]";
  }

  // ---- for the extension and the sub-APIs --------------------------------------------------------

  JsonHttp http() {
    return http;
  }

  String tenantPath() {
    return "/_mock/tenants/" + Paths.segment(tenant.clientId);
  }

  /** Back to the tenant's initial state, seed data included. */
  void restoreBaseline() {
    tenant.reset();
    // the mock draws token ids from the tenant's id sequence: re-fetching the tokens where the first
    // seeding did makes the seed come back with the same ids
    if (clockMoved.getAndSet(false) || seedData != null) {
      forgetTokens();
    }
    applySeed();
  }

  /** A test begins on this handle: per-test cursors start over. */
  void beginTest() {
    deliveries.beginTest();
    journal.beginTest();
  }

  /** A test ended: what it created outside the tenant (receivers) goes away. */
  void endTest() {
    receivers.deleteCreated();
  }

  void clockMoved() {
    clockMoved.set(true);
    forgetTokens();
  }

  private void forgetTokens() {
    clientToken.set(null);
    userToken.set(null);
  }

  /** Seed data first, then the scenario: its rules never break the seeding, and its windows start with the test. */
  private void applySeed() {
    seeded = seedData == null ? Seeded.NONE : seedData.applyTo(this);
    if (scenario != null) {
      String text = Faults.read(scenario, Livedigital.class.getClassLoader());
      if (text == null) {
        faults.load(scenario);
      } else {
        faults.loadText(text);
      }
    }
  }

  private String token(com.fasterxml.jackson.databind.node.ObjectNode grant) {
    grant.put("client_id", tenant.clientId).put("client_secret", tenant.clientSecret);
    JsonNode answer = http.post("/v1/auth/token", grant, null);
    return answer.path("access_token").asText();
  }

  private static String cached(AtomicReference<String> cache, java.util.function.Supplier<String> fetch) {
    String token = cache.get();
    if (token == null) {
      token = fetch.get();
      cache.set(token);
    }
    return token;
  }
}
