package io.livedigitalmock.server.domain;

import java.util.function.Supplier;

/**
 * Everything one tenant has: its data, its id source, its clock, and the API areas that work on
 * them. A reset throws the whole backend away and builds a new one (moto's way), so no field can be
 * forgotten by a field-by-field clear.
 */
public final class TenantBackend {

  private final Object lock = new Object();
  private final TenantState state = new TenantState();
  private final String clientObjectId;
  private final IdSource ids;
  private final MockClock clock;
  private final TokenCodec codec;
  private final Supplier<String> roomPageBase;
  private final Plan defaultPlan;

  private final Tokens tokens = new Tokens(this);
  private final Users users = new Users(this);
  private final Spaces spaces = new Spaces(this);
  private final Rooms rooms = new Rooms(this);
  private final Invites invites = new Invites(this);
  private final AccessLinks links = new AccessLinks(this);
  private final PersonalTokens personalTokens = new PersonalTokens(this);

  TenantBackend(String clientObjectId, IdSource ids, MockClock clock, TokenCodec codec,
                Supplier<String> roomPageBase, Plan defaultPlan) {
    this.clientObjectId = clientObjectId;
    this.ids = ids;
    this.clock = clock;
    this.codec = codec;
    this.roomPageBase = roomPageBase;
    this.defaultPlan = defaultPlan;
  }

  public Tokens tokens() {
    return tokens;
  }

  public Users users() {
    return users;
  }

  public Spaces spaces() {
    return spaces;
  }

  public Rooms rooms() {
    return rooms;
  }

  public Invites invites() {
    return invites;
  }

  public AccessLinks links() {
    return links;
  }

  public PersonalTokens personalTokens() {
    return personalTokens;
  }

  /** This tenant's clock: the server clock plus whatever this tenant advanced on its own. */
  public MockClock clock() {
    return clock;
  }

  Object lock() {
    return lock;
  }

  TenantState state() {
    return state;
  }

  String clientObjectId() {
    return clientObjectId;
  }

  IdSource ids() {
    return ids;
  }

  TokenCodec codec() {
    return codec;
  }

  String roomPageBase() {
    return roomPageBase.get();
  }

  Plan defaultPlan() {
    return defaultPlan;
  }
}
