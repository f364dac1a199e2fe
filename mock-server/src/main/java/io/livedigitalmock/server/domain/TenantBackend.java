package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.TokenCodec;
import io.livedigitalmock.server.domain.auth.TokenIds;
import io.livedigitalmock.server.domain.common.IdSource;
import io.livedigitalmock.server.domain.common.MockClock;
import io.livedigitalmock.server.domain.common.StoredData;
import io.livedigitalmock.server.domain.rooms.Plan;
import io.livedigitalmock.server.domain.rooms.Space;
import io.livedigitalmock.server.domain.webhooks.EventName;
import io.livedigitalmock.server.domain.webhooks.Webhook;
import io.livedigitalmock.server.domain.webhooks.WebhookEvent;

/**
 * Everything one tenant has: its data, its id source, its clock, and the API areas that work on
 * them. A reset throws the whole backend away and builds a new one (moto's way), so no field can be
 * forgotten by a field-by-field clear.
 */
public final class TenantBackend {

  private final TenantState state;
  private final String clientObjectId;
  private final IdSource ids;
  private final IdSource eventIds;
  private final TokenIds tokenIds;
  private volatile boolean retired;
  private final MockClock clock;
  private final ServerContext server;
  private final String clientId;
  private final Plan defaultPlan;

  TenantBackend(String clientId, String clientObjectId, IdSource ids, IdSource eventIds, TokenIds tokenIds,
                StoredData data, MockClock clock, ServerContext server, Plan defaultPlan) {
    this.state = new TenantState(data.meter());
    this.clientId = clientId;
    this.clientObjectId = clientObjectId;
    this.ids = ids;
    this.eventIds = eventIds;
    this.tokenIds = tokenIds;
    this.clock = clock;
    this.server = server;
    this.defaultPlan = defaultPlan;
  }

  // The areas hold nothing but this backend: made when asked for, not kept (eleven objects a tenant).

  public Tokens tokens() {
    return new Tokens(this);
  }

  public Users users() {
    return new Users(this);
  }

  public Spaces spaces() {
    return new Spaces(this);
  }

  public Rooms rooms() {
    return new Rooms(this);
  }

  public Invites invites() {
    return new Invites(this);
  }

  public AccessLinks links() {
    return new AccessLinks(this);
  }

  public PersonalTokens personalTokens() {
    return new PersonalTokens(this);
  }

  public Participants participants() {
    return new Participants(this);
  }

  public Recordings recordings() {
    return new Recordings(this);
  }

  public Webhooks webhooks() {
    return new Webhooks(this);
  }

  public Analytics analytics() {
    return new Analytics(this);
  }

  /** This tenant's clock: the server clock plus whatever this tenant advanced on its own. */
  public MockClock clock() {
    return clock;
  }

  /** What every area synchronizes on: the state it guards. */
  Object lock() {
    return state;
  }

  TenantState state() {
    return state;
  }

  String clientObjectId() {
    return clientObjectId;
  }

  String clientId() {
    return clientId;
  }

  IdSource ids() {
    return ids;
  }

  /** Where the ids of webhook events come from (kept across resets). */
  IdSource eventIds() {
    return eventIds;
  }

  /**
   * The id ({@code jti}) of a new token or access link: unique for the server's life, so no token
   * from before a reset names one made after it; and not from the data sequence, so that data ids do
   * not depend on how often or when a test fetched tokens.
   */
  String newTokenId() {
    return tokenIds.next();
  }

  /** The signature of a new user: never one a user made before in the server's life had (T11). */
  String newUserSignature() {
    return tokenIds.nextSignature();
  }

  /** A reset replaced this backend: its pending webhook retries are called off, its data counts no more. */
  void retire() {
    retired = true;
    state.release();
  }

  public boolean isRetired() {
    return retired;
  }

  TokenCodec codec() {
    return server.codec();
  }

  ServerContext server() {
    return server;
  }

  /**
   * The base of the links the mock hands out (room pages, record files): the configured one, else
   * the address the client reached the mock at, so links work from wherever the client is (e.g. the
   * host side of a container's published port).
   */
  String linkBase(String requestBase) {
    String configured = server.publicBaseUrl().get();
    return configured != null ? configured : requestBase;
  }

  /**
   * Hands an event to the space's webhook, if it has an active one and its plan includes webhooks.
   * Called under the lock, in the order things happen; the sink only enqueues.
   */
  void emit(EventName name, String spaceId, String roomId, String recordId) {
    Webhook hook = state.webhookBySpace.get(spaceId);
    Space space = state.spaces.get(spaceId);
    if (hook == null || !hook.isActive() || space == null || !space.plan().allowsWebhooks()) {
      return;
    }
    server.events().publish(new WebhookEvent(clientId, eventIds.objectId(), name, spaceId, roomId,
        name.isRecordEvent() ? recordId : null, hook.url(), hook.secret(), clock.now(), this::isRetired));
  }

  Plan defaultPlan() {
    return defaultPlan;
  }
}
