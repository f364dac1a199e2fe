package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.auth.User;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.common.Validate;
import java.util.List;

/** createUser and users/me [guide, sdk]. Emails are unique within a tenant, compared case-blind. */
public final class Users {

  private final TenantBackend backend;

  Users(TenantBackend backend) {
    this.backend = backend;
  }

  /**
   * createUser: the guide calls it with the client token; no source says another token is refused,
   * so any authenticated caller may [assumed, ledger T9].
   */
  public User create(Caller caller, String email, String password, String username, String phone) {
    return register(email, password, username, phone);
  }

  /** Registers a user without a caller (control-plane seeding). */
  public User register(String email, String password, String username, String phone) {
    return register(email, password, username, phone, false);
  }

  /**
   * The tenant's own first user, at birth and after each reset: the same id and the same signature
   * every time, so that tokens issued to it keep working across resets [ledger T11].
   */
  User registerFirst(String email, String password, String username, String phone) {
    return register(email, password, username, phone, true);
  }

  private User register(String email, String password, String username, String phone, boolean first) {
    Validate.email(email);
    Validate.notBlank("password", password);
    Validate.notBlank("username", username);
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      String key = TenantState.emailKey(email);
      if (s.userIdByEmail.containsKey(key)) {
        throw ApiError.conflict("A user with this email already exists");
      }
      String id = backend.ids().objectId();
      // drawn for every user, so that the ids after it are what they always were for a seed; only the
      // first user keeps it: any other is a new user even where it has the id of one from before a reset
      String birthSignature = backend.ids().hex(10);
      User user = new User(id, email.trim(), username, password, phone,
          first ? birthSignature : backend.newUserSignature(), backend.clock().now());
      s.users.put(user.id(), user);
      s.userIdByEmail.put(key, user.id());
      return user;
    }
  }

  public User me(Caller caller) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      return backend.state().user(userId);
    }
  }

  public User get(String userId) {
    synchronized (backend.lock()) {
      return backend.state().user(userId);
    }
  }

  public List<User> all() {
    synchronized (backend.lock()) {
      return List.copyOf(backend.state().users.values());
    }
  }
}
