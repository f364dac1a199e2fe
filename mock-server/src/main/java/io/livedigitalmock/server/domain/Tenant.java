package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.User;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One OAuth client of the mock and all it stores: the unit of isolation. Tokens of one tenant never
 * reach another's data, so parallel tests each take a tenant of their own.
 */
public final class Tenant {

  private final TenantSpec spec;
  private final String clientObjectId;
  private final Function<Tenant, TenantBackend> freshBackend;
  private final BiConsumer<TenantBackend, User> furnish;
  /** What a built-in tenant is ({@code sdk-example-apps}), so a restored one is furnished again; null for others. */
  private final String builtIn;
  private volatile TenantBackend backend;
  private volatile User user;

  /** {@code furnish}: what a built-in tenant has from birth besides its user (again after each reset). */
  Tenant(TenantSpec spec, String clientObjectId, Function<Tenant, TenantBackend> freshBackend,
         BiConsumer<TenantBackend, User> furnish, String builtIn) {
    this.spec = spec;
    this.clientObjectId = clientObjectId;
    this.freshBackend = freshBackend;
    this.furnish = furnish;
    this.builtIn = builtIn;
    reset();
  }

  /** A tenant restored from a saved state: {@code backend} holds it; resets go back to birth as usual. */
  Tenant(TenantSpec spec, String clientObjectId, Function<Tenant, TenantBackend> freshBackend,
         BiConsumer<TenantBackend, User> furnish, String builtIn, TenantBackend backend, User user) {
    this.spec = spec;
    this.clientObjectId = clientObjectId;
    this.freshBackend = freshBackend;
    this.furnish = furnish;
    this.builtIn = builtIn;
    this.backend = backend;
    this.user = user;
  }

  String builtIn() {
    return builtIn;
  }

  public TenantSpec spec() {
    return spec;
  }

  public String clientId() {
    return spec.clientId();
  }

  /** The id the client's tokens carry as {@code cId}. */
  public String clientObjectId() {
    return clientObjectId;
  }

  public TenantBackend backend() {
    return backend;
  }

  /** The user the tenant was created with. */
  public User user() {
    return user;
  }

  /**
   * Back to the state the tenant was born with: a new backend with the same seed, so the first user
   * gets the same id again and tokens minted for it keep working.
   */
  public synchronized void reset() {
    TenantBackend fresh = freshBackend.apply(this);
    user = fresh.users().registerFirst(spec.userEmail(), spec.userPassword(), spec.userName(), null);
    furnish.accept(fresh, user);
    TenantBackend old = backend;
    backend = fresh;
    if (old != null) {
      old.retire();
    }
  }
}
