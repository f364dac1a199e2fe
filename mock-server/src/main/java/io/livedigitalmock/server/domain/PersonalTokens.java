package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.PersonalToken;
import io.livedigitalmock.server.domain.auth.User;
import io.livedigitalmock.server.domain.common.ApiError;
import java.util.List;

/**
 * Personal tokens: in reality made and revoked in the web UI [guide], here on the control plane.
 * They act as their user and never expire; a revoked one is refused from then on.
 */
public final class PersonalTokens {

  private final TenantBackend backend;

  PersonalTokens(TenantBackend backend) {
    this.backend = backend;
  }

  public PersonalToken mint(String userId) {
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      User user = s.user(userId);
      String tokenId = backend.newTokenId();
      String token = backend.tokens().mintPersonal(user.id(), user.signature(), tokenId);
      PersonalToken personal = new PersonalToken(backend.ids().objectId(), user.id(), tokenId, token,
          backend.clock().now(), null);
      s.personalTokens.put(personal.id(), personal);
      s.personalTokenIdByTokenId.put(tokenId, personal.id());
      return personal;
    }
  }

  public PersonalToken revoke(String personalTokenId) {
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      PersonalToken personal = s.personalTokens.get(personalTokenId);
      if (personal == null) {
        throw ApiError.notFound("Personal token");
      }
      PersonalToken revoked = personal.isRevoked() ? personal : personal.revoked(backend.clock().now());
      s.personalTokens.put(personalTokenId, revoked);
      return revoked;
    }
  }

  public List<PersonalToken> all() {
    synchronized (backend.lock()) {
      return List.copyOf(backend.state().personalTokens.values());
    }
  }
}
