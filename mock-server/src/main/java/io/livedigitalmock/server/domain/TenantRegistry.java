package io.livedigitalmock.server.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All tenants, keyed by client id (for the token endpoint) and by client object id (the {@code cId}
 * of every token). Resetting everything drops every tenant and brings back the demo tenant as new.
 */
public final class TenantRegistry {

  private final ServerContext server;
  private final TenantSpec demoSpec;
  private final boolean sdkExampleTenant;
  private final Map<String, Tenant> byClientId = new ConcurrentHashMap<>();
  private final Map<String, Tenant> byClientObjectId = new ConcurrentHashMap<>();
  private final Receivers receivers = new Receivers();
  private IdSource generated;

  /** {@code sdkExampleTenant}: whether the tenant the SDK example apps expect ({@link SdkExampleTenant}) exists. */
  public TenantRegistry(ServerContext server, TenantSpec demoSpec, boolean sdkExampleTenant) {
    this.server = server;
    this.demoSpec = demoSpec;
    this.sdkExampleTenant = sdkExampleTenant;
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
    return create(requested, (backend, user) -> { });
  }

  private synchronized Tenant create(TenantSpec requested, java.util.function.BiConsumer<TenantBackend, User> furnish) {
    String clientId = requested.clientId() != null ? requested.clientId() : "client-" + generated.hex(12);
    if (clientId.isBlank()) {
      throw ApiError.badRequest("clientId must not be empty");
    }
    if (byClientId.containsKey(clientId)) {
      throw ApiError.conflict("A tenant with clientId " + clientId + " already exists");
    }
    String userEmail = requested.userEmail() != null ? requested.userEmail()
        : "user-" + generated.hex(8) + "@example.com";
    TenantSpec spec = new TenantSpec(clientId,
        requested.clientSecret() != null ? requested.clientSecret() : generated.secret(),
        userEmail,
        requested.userPassword() != null ? requested.userPassword() : generated.secret(),
        requested.userName() != null ? requested.userName()
            : userEmail.substring(0, Math.max(0, userEmail.indexOf('@'))),
        requested.plan() != null ? requested.plan() : Plan.PRO);
    long seed = server.seed();
    String objectId = IdSource.forTenant(seed, clientId).objectId();
    Tenant tenant = new Tenant(spec, objectId, t -> {
      server.journal().forget(clientId);
      forgetScripting(clientId);
      return new TenantBackend(clientId, objectId, IdSource.forTenant(seed, clientId + "/data"),
          server.serverClock().child(), server, spec.plan());
    }, furnish);
    byClientId.put(clientId, tenant);
    byClientObjectId.put(objectId, tenant);
    return tenant;
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

  /** The tenant that has a room with this id (control-plane paths name rooms without a tenant). */
  public Tenant byRoomId(String roomId) {
    return all().stream().filter(t -> t.backend().rooms().exists(roomId)).findFirst()
        .orElseThrow(() -> ApiError.notFound("Room"));
  }

  public Tenant byParticipantId(String participantId) {
    return all().stream().filter(t -> t.backend().participants().exists(participantId)).findFirst()
        .orElseThrow(() -> ApiError.notFound("Participant"));
  }

  public Tenant bySpaceId(String spaceId) {
    return all().stream().filter(t -> t.backend().spaces().exists(spaceId)).findFirst()
        .orElseThrow(() -> ApiError.notFound("Space"));
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
    byClientId.clear();
    byClientObjectId.clear();
    server.journal().clear();
    receivers.clear();
    server.requests().clearAll();
    server.faults().resetAll(server.serverClock().now());
    generated = new IdSource(server.seed());
    create(demoSpec);
    if (sdkExampleTenant && !demoSpec.clientId().equals(SdkExampleTenant.SPEC.clientId())) {
      create(SdkExampleTenant.SPEC, SdkExampleTenant::furnish);
    }
  }
}
