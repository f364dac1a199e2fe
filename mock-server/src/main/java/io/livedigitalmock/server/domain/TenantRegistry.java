package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.OAuthError;
import io.livedigitalmock.server.domain.auth.TokenClaims;
import io.livedigitalmock.server.domain.auth.TokenIds;
import io.livedigitalmock.server.domain.auth.User;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.common.Footprint;
import io.livedigitalmock.server.domain.common.IdSource;
import io.livedigitalmock.server.domain.common.MockClock;
import io.livedigitalmock.server.domain.common.StorageLimits;
import io.livedigitalmock.server.domain.common.StoredData;
import io.livedigitalmock.server.domain.common.WireName;
import io.livedigitalmock.server.domain.rooms.Plan;
import io.livedigitalmock.server.domain.state.IdPosition;
import io.livedigitalmock.server.domain.state.SnapshotCheck;
import io.livedigitalmock.server.domain.state.StateSnapshot;
import io.livedigitalmock.server.domain.state.TenantSnapshot;
import io.livedigitalmock.server.domain.webhooks.DeliveryJournal;
import io.livedigitalmock.server.domain.webhooks.Receivers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All tenants, keyed by client id (for the token endpoint), by client object id (the {@code cId}
 * of every token) and by id prefix (the first {@link IdSource#PREFIX_LENGTH} chars of the client object
 * id, with which all the tenant's data ids begin). No two tenants share a prefix, so no two share
 * an identity or an id. Resetting everything drops every tenant and brings back the demo tenant as new.
 */
public final class TenantRegistry {

  private final ServerContext server;
  private final TenantSpec demoSpec;
  private final boolean sdkExampleTenant;
  private final Map<String, Tenant> byClientId = new ConcurrentHashMap<>();
  private final Map<String, Tenant> byClientObjectId = new ConcurrentHashMap<>();
  private final Map<String, Tenant> byIdPrefix = new ConcurrentHashMap<>();
  /** Ids a built-in tenant is born with that do not carry its prefix (the SDK apps' hard-coded ones). */
  private final Map<String, Tenant> byFixedId = new ConcurrentHashMap<>();
  private final Receivers receivers;
  private final StorageLimits limits;
  private final StoredData data;
  /** Each tenant's own weight (its backend, empty maps, credentials), counted as stored data. */
  private StoredData.Meter tenantsMeter;
  private volatile TokenIds tokenIds;
  /**
   * The token id sequence of every seed this server has used (its own and restored states'), so that
   * going back to a seed goes on past every id it gave out, not from where a state file stood.
   */
  private final Map<Long, TokenIds> tokenIdsBySeed = new java.util.HashMap<>();
  /** The seed new tenants' ids derive from: the server's, or a restored state's. */
  private volatile long seed;
  /** Client ids in the order their tenants were made (changed only under this registry's monitor). */
  private final java.util.Set<String> order = new java.util.LinkedHashSet<>();

  /**
   * What a tenant takes besides its stored data (backend, seventeen maps, clock, id sources, its part
   * of the request journal and of the registry's indexes): an empty tenant with its user measured
   * 2.2 KB of heap in all ({@code mock-server/bench/memory.sh}; 10,000 of them made over HTTP, 2,233
   * bytes each by {@code jmap -histo}), which this plus its counted spec and user (about 1 KB) exceed.
   */
  static final long TENANT_WEIGHT = 1_536;
  private IdSource generated;

  /** {@code sdkExampleTenant}: whether the tenant the SDK example apps expect ({@link SdkExampleTenant}) exists. */
  /** {@code data}: the budget of stored data ({@code --data-bytes}), shared with the fault rules. */
  public TenantRegistry(ServerContext server, TenantSpec demoSpec, boolean sdkExampleTenant, StorageLimits limits,
                        StoredData data) {
    this.server = server;
    this.demoSpec = demoSpec;
    this.limits = limits;
    this.data = data;
    this.receivers = new Receivers(limits.maxReceivers(), limits.receiverLogBytes());
    this.sdkExampleTenant = sdkExampleTenant;
    this.seed = server.seed();
    this.tokenIds = tokenIdsBySeed.computeIfAbsent(seed, TokenIds::new);
    resetAll();
  }

  public MockClock serverClock() {
    return server.serverClock();
  }

  public DeliveryJournal deliveries() {
    return server.journal();
  }

  public ServerContext server() {
    return server;
  }

  public Receivers receivers() {
    return receivers;
  }

  /** Creates a tenant; any credential left null is generated. A taken client id is a 409. */
  public Tenant create(TenantSpec requested) {
    return create(requested, (backend, user) -> { }, null);
  }

  private synchronized Tenant create(TenantSpec requested, java.util.function.BiConsumer<TenantBackend, User> furnish,
                                     String builtIn) {
    String clientId = requested.clientId() != null ? requested.clientId() : "client-" + generated.hex(12);
    if (clientId.isBlank()) {
      throw ApiError.badRequest("clientId must not be empty");
    }
    if (byClientId.containsKey(clientId)) {
      throw ApiError.conflict("A tenant with clientId " + clientId + " already exists");
    }
    if (byClientId.size() >= limits.maxTenants()) {
      throw ApiError.conflict("There are " + limits.maxTenants() + " tenants, the most --max-tenants allows: reset "
          + "everything (POST /_mock/reset) or start the mock with a larger --max-tenants");
    }
    data.requireRoom();
    String userEmail = requested.userEmail() != null ? requested.userEmail()
        : "user-" + generated.hex(8) + "@example.com";
    TenantSpec spec = new TenantSpec(clientId,
        requested.clientSecret() != null ? requested.clientSecret() : generated.secret(),
        userEmail,
        requested.userPassword() != null ? requested.userPassword() : generated.secret(),
        requested.userName() != null ? requested.userName()
            : userEmail.substring(0, Math.max(0, userEmail.indexOf('@'))),
        requested.plan() != null ? requested.plan() : Plan.PRO);
    long seed = this.seed;
    String objectId = freeClientObjectId(seed, clientId);
    String prefix = IdSource.prefixOf(objectId);
    IdSource eventIds = IdSource.derived(seed, "events", clientId);
    Tenant tenant = new Tenant(spec, objectId, t -> {
      server.journal().forget(clientId);
      forgetScripting(clientId);
      return new TenantBackend(clientId, objectId, IdSource.derived(seed, "data", clientId, prefix), eventIds,
          tokenIds, data, server.serverClock().child(), server, spec.plan());
    }, furnish, builtIn);
    tenantsMeter.add(TENANT_WEIGHT + Footprint.of(spec));
    register(tenant);
    return tenant;
  }

  private void register(Tenant tenant) {
    String prefix = tenant.backend().ids().objectIdPrefix();   // the instance its ids are made with: one copy
    byClientId.put(tenant.clientId(), tenant);
    byClientObjectId.put(tenant.clientObjectId(), tenant);
    byIdPrefix.put(prefix, tenant);
    order.add(tenant.clientId());
    tenant.backend().spaces().all().forEach(space -> fixedId(space.id(), prefix, tenant));
    tenant.backend().rooms().all().forEach(room -> fixedId(room.id(), prefix, tenant));
  }

  /** A reset furnishes a built-in tenant with the same ids again, so these stay right across resets. */
  private void fixedId(String id, String prefix, Tenant tenant) {
    if (!IdSource.prefixOf(id).equals(prefix)) {
      byFixedId.put(id, tenant);
    }
  }

  /**
   * The client object id derived from the seed and the client id, or, in the rare case that its
   * prefix is taken, the next derivation whose prefix is free: a collision is impossible, and ids
   * stay the same from run to run unless one happened.
   */
  private String freeClientObjectId(long seed, String clientId) {
    for (int attempt = 0; ; attempt++) {
      String id = IdSource.derived(seed, attempt == 0 ? "client" : "client#" + attempt, clientId).objectId();
      if (!byIdPrefix.containsKey(IdSource.prefixOf(id))) {
        return id;
      }
    }
  }

  public Tenant byClientId(String clientId) {
    Tenant tenant = byClientId.get(clientId);
    if (tenant == null) {
      throw ApiError.notFound("Tenant");
    }
    return tenant;
  }

  public Tenant demo() {
    return byClientId(demoSpec.clientId());
  }

  public List<Tenant> all() {
    return List.copyOf(byClientId.values());
  }

  /** The token endpoint's client check: unknown client or wrong secret is invalid_client. */
  public Tenant authenticateClient(String clientId, String clientSecret) {
    Tenant tenant = clientId == null ? null : byClientId.get(clientId);
    if (tenant == null || !tenant.spec().clientSecret().equals(clientSecret)) {
      throw OAuthError.invalidClient();
    }
    return tenant;
  }

  /** The tenant a decoded token names in {@code cId}. */
  /** The tenant a decoded token names in {@code cId}; 401 if none does (e.g. dropped by a reset). */
  public Tenant tenantOf(TokenClaims claims) {
    return byClientObjectId(claims.clientObjectId()).orElseThrow(() -> ApiError.unauthorized("Unknown client"));
  }

  public Optional<Tenant> byClientObjectId(String clientObjectId) {
    return Optional.ofNullable(clientObjectId).map(byClientObjectId::get);
  }

  /**
   * The tenant that has a room with this id (control-plane paths name rooms without a tenant): the
   * id's prefix names the tenant, so only that tenant is read.
   */
  public Tenant byRoomId(String roomId) {
    return owner(roomId, backend -> backend.rooms().exists(roomId), "Room");
  }

  public Tenant byParticipantId(String participantId) {
    return owner(participantId, backend -> backend.participants().exists(participantId), "Participant");
  }

  public Tenant bySpaceId(String spaceId) {
    return owner(spaceId, backend -> backend.spaces().exists(spaceId), "Space");
  }

  private Tenant owner(String id, java.util.function.Predicate<TenantBackend> has, String what) {
    Tenant tenant = byFixedId.get(id);
    if (tenant == null) {
      tenant = byIdPrefix.get(IdSource.prefixOf(id));
    }
    if (tenant == null || !has.test(tenant.backend())) {
      throw ApiError.notFound(what);
    }
    return tenant;
  }

  /** Resolves a bearer token: signature (codec), tenant, then who it speaks for (401 on any failure). */
  public Authenticated authenticate(String bearerToken) {
    TokenClaims claims = server.codec().decode(bearerToken);
    Tenant tenant = tenantOf(claims);
    return new Authenticated(tenant, tenant.backend().tokens().authenticate(claims));
  }

  /** A {@code refreshToken} cookie: a registered user's session (see {@link Tokens#authenticateSession}). */
  public Authenticated authenticateSession(String sessionToken) {
    TokenClaims claims = server.codec().decode(sessionToken);
    Tenant tenant = tenantOf(claims);
    return new Authenticated(tenant, tenant.backend().tokens().authenticateSession(claims));
  }

  public TokenClaims decode(String token) {
    return server.codec().decode(token);
  }

  /** The stored data of all tenants, against {@code --data-bytes}. */
  public StoredData data() {
    return data;
  }

  /**
   * A tenant is born or reset: its journal of requests empties, its fault rules go, and those it was
   * born with come back (a new tenant clock starts at the server's time, so their windows start now).
   */
  private void forgetScripting(String clientId) {
    server.requests().clear(clientId);
    server.faults().reset(clientId, server.serverClock().now());
  }

  /** Drops every tenant and recreates the demo tenant as it was at start. */
  public synchronized void resetAll() {
    byClientId.values().forEach(t -> t.backend().retire());
    if (tenantsMeter != null) {
      tenantsMeter.release();
    }
    tenantsMeter = data.meter();
    byClientId.clear();
    byClientObjectId.clear();
    byIdPrefix.clear();
    byFixedId.clear();
    order.clear();
    server.journal().clear();
    receivers.clear();
    server.requests().clearAll();
    server.faults().resetAll(server.serverClock().now());
    generated = new IdSource(seed);
    create(demoSpec);
    if (sdkExampleTenant && !demoSpec.clientId().equals(SdkExampleTenant.SPEC.clientId())) {
      create(SdkExampleTenant.SPEC, SdkExampleTenant::furnish, TenantSnapshot.SDK_EXAMPLE_APPS);
    }
  }

  // ---- the state as a whole: saved, restored ---------------------------------------------------

  /**
   * Everything the tenants hold and what makes ids, tokens and time go on from here. Each tenant is
   * read under its own lock, one after the other; tenants are not made or dropped meanwhile.
   */
  public synchronized StateSnapshot snapshot() {
    List<TenantSnapshot> tenants = new java.util.ArrayList<>();
    for (String clientId : order) {
      Tenant tenant = byClientId.get(clientId);
      if (tenant != null) {
        tenants.add(SavedTenants.capture(tenant));
      }
    }
    IdSource ids = generated;
    return new StateSnapshot(new StateSnapshot.ServerState(seed, server.serverClock().offsetMillis(),
        tokenIds.issued(), new IdPosition(ids.seed(), ids.draws())), tenants);
  }

  /**
   * Something that changes whenever what {@link #snapshot()} holds does (stored data, clocks, token
   * ids, tenants): a saved state whose revision equals the current one need not be saved again.
   */
  public long revision() {
    long revision = data.changes() * 31 + tokenIds.issued();
    revision = revision * 31 + server.serverClock().offsetMillis();
    for (Tenant tenant : byClientId.values()) {
      revision += tenant.backend().clock().offsetMillis() + tenant.clientObjectId().hashCode();
    }
    return revision;
  }

  /**
   * Replaces every tenant with those of {@code snapshot}, all or nothing: the snapshot is checked and
   * the new tenants built (their data counted against {@code --data-bytes}) before anything in use
   * changes. Each restored tenant is as if just born into its saved state: its fault rules are its
   * birth rules, its request journal and delivery log empty; webhook attempts still pending for the
   * tenants replaced are called off. Built-in receivers and server-wide fault rules stay.
   *
   * @throws io.livedigitalmock.server.domain.state.InvalidSnapshot naming every problem found
   * @throws ApiError 409 when the state exceeds {@code --max-tenants} or {@code --data-bytes}
   */
  public synchronized void restore(StateSnapshot snapshot) {
    SnapshotCheck.require(snapshot);
    if (snapshot.tenants().size() > limits.maxTenants()) {
      throw ApiError.conflict("The state has " + snapshot.tenants().size() + " tenants, more than --max-tenants ("
          + limits.maxTenants() + ") allows");
    }
    StateSnapshot.ServerState saved = snapshot.server();
    TokenIds restoredTokenIds = tokenIdsBySeed.computeIfAbsent(saved.seed(), TokenIds::new);
    restoredTokenIds.skipTo(saved.tokenIdsIssued());   // only ever forward: a failed restore skips, never repeats
    StoredData.Meter newTenantsMeter = data.meter();
    List<Tenant> built = new java.util.ArrayList<>();
    try {
      long bytes = 0;
      for (TenantSnapshot t : snapshot.tenants()) {
        Tenant tenant = rebuild(t, restoredTokenIds);
        built.add(tenant);
        newTenantsMeter.add(TENANT_WEIGHT + Footprint.of(tenant.spec()));
        bytes += tenant.backend().state().bytes();
      }
      bytes += newTenantsMeter.bytes();
      if (bytes > data.limit()) {
        throw ApiError.conflict("The state takes " + bytes + " bytes of stored data, more than --data-bytes ("
            + data.limit() + "): start the mock with a larger --data-bytes");
      }
    } catch (RuntimeException e) {
      built.forEach(t -> t.backend().retire());
      newTenantsMeter.release();
      throw e;
    }
    byClientId.values().forEach(t -> t.backend().retire());
    tenantsMeter.release();
    tenantsMeter = newTenantsMeter;
    byClientId.clear();
    byClientObjectId.clear();
    byIdPrefix.clear();
    byFixedId.clear();
    order.clear();
    seed = saved.seed();
    tokenIds = restoredTokenIds;
    generated = IdSource.resumed(saved.generatedIds().seed(), "", saved.generatedIds().draws());
    server.serverClock().restoreOffset(saved.clockOffsetMillis());
    for (Tenant tenant : built) {
      server.journal().forget(tenant.clientId());
      forgetScripting(tenant.clientId());
      register(tenant);
    }
  }

  /** A tenant in the state {@code saved} describes, its resets going back to the birth it describes. */
  private Tenant rebuild(TenantSnapshot saved, TokenIds restoredTokenIds) {
    TenantSpec spec = new TenantSpec(saved.clientId(), saved.clientSecret(), saved.userEmail(), saved.userPassword(),
        saved.userName(), WireName.parse(Plan.class, "plan", saved.plan()));
    String objectId = saved.clientObjectId();
    String prefix = IdSource.prefixOf(objectId);
    long dataSeed = saved.dataIds().seed();
    IdSource eventIds = IdSource.resumed(saved.eventIds().seed(), "", saved.eventIds().draws());
    boolean sdkApps = TenantSnapshot.SDK_EXAMPLE_APPS.equals(saved.builtIn());
    java.util.function.BiConsumer<TenantBackend, User> furnish = sdkApps ? SdkExampleTenant::furnish
        : (backend, user) -> { };
    TenantBackend backend = new TenantBackend(spec.clientId(), objectId,
        IdSource.resumed(dataSeed, prefix, saved.dataIds().draws()), eventIds, restoredTokenIds, data,
        server.serverClock().child(), server, spec.plan());
    try {
      backend.clock().restoreOffset(saved.clockOffsetMillis());
      SavedTenants.fill(backend, saved);
    } catch (RuntimeException e) {
      backend.retire();
      throw e;
    }
    return new Tenant(spec, objectId, t -> {
      server.journal().forget(spec.clientId());
      forgetScripting(spec.clientId());
      return new TenantBackend(spec.clientId(), objectId, IdSource.resumed(dataSeed, prefix, 0), eventIds,
          tokenIds, data, server.serverClock().child(), server, spec.plan());
    }, furnish, saved.builtIn(), backend, backend.users().get(saved.userId()));
  }
}
