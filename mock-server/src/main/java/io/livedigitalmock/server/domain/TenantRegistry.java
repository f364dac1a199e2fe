package io.livedigitalmock.server.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * All tenants, keyed by client id (for the token endpoint) and by client object id (the {@code cId}
 * of every token). Resetting everything drops every tenant and brings back the demo tenant as new.
 */
public final class TenantRegistry {

  private final long seed;
  private final MockClock serverClock;
  private final TokenCodec codec;
  private final Supplier<String> roomPageBase;
  private final TenantSpec demoSpec;
  private final Map<String, Tenant> byClientId = new ConcurrentHashMap<>();
  private final Map<String, Tenant> byClientObjectId = new ConcurrentHashMap<>();
  private IdSource generated;

  public TenantRegistry(long seed, MockClock serverClock, TokenCodec codec,
                        Supplier<String> roomPageBase, TenantSpec demoSpec) {
    this.seed = seed;
    this.serverClock = serverClock;
    this.codec = codec;
    this.roomPageBase = roomPageBase;
    this.demoSpec = demoSpec;
    resetAll();
  }

  public MockClock serverClock() {
    return serverClock;
  }

  /** Creates a tenant; any credential left null is generated. A taken client id is a 409. */
  public synchronized Tenant create(TenantSpec requested) {
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
    String objectId = IdSource.forTenant(seed, clientId).objectId();
    Tenant tenant = new Tenant(spec, objectId, t -> new TenantBackend(objectId,
        IdSource.forTenant(seed, clientId + "/data"), serverClock.child(), codec, roomPageBase,
        spec.plan()));
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
  public Optional<Tenant> byToken(TokenClaims claims) {
    return Optional.ofNullable(claims.clientObjectId()).map(byClientObjectId::get);
  }

  /** Resolves a bearer token: signature (codec), tenant, then who it speaks for (401 on any failure). */
  public Authenticated authenticate(String bearerToken) {
    TokenClaims claims = codec.decode(bearerToken);
    Tenant tenant = byToken(claims).orElseThrow(() -> ApiError.unauthorized("Unknown client"));
    return new Authenticated(tenant, tenant.backend().tokens().authenticate(claims));
  }

  public TokenClaims decode(String token) {
    return codec.decode(token);
  }

  /** Drops every tenant and recreates the demo tenant as it was at start. */
  public synchronized void resetAll() {
    byClientId.clear();
    byClientObjectId.clear();
    generated = new IdSource(seed);
    create(demoSpec);
  }
}
