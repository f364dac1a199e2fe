package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantBackend;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.auth.TokenClaims;
import io.livedigitalmock.server.domain.calls.Participant;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.rooms.AccessLink;
import io.livedigitalmock.server.domain.rooms.Room;

/**
 * Who is on a room page, from the token in its link or cookie: an access link's holder ({@code link}
 * set) or a registered user (their access or refresh token, as in the guide's iframe sample).
 * {@code token} is the token itself, which the page keeps in a cookie.
 */
record RoomVisitor(Tenant tenant, Caller caller, AccessLink link, Room room, String name, String token) {

  TenantBackend backend() {
    return tenant.backend();
  }

  /**
   * A visitor about to join: the link must still admit its holder (404, 403 for another room's page,
   * 410 used or expired) and a user must be let into the room (403 for a private room without a role
   * [guide FAQ]); a bad or expired token is 401. Nothing is used up.
   */
  static RoomVisitor entering(TenantRegistry registry, String token, String alias, String participantName) {
    TokenClaims claims = registry.decode(token);
    Tenant tenant = registry.tenantOf(claims);
    TenantBackend backend = tenant.backend();
    if (backend.links().isLinkToken(claims.tokenId())) {
      AccessLink link = backend.links().admitting(claims.tokenId(), alias);
      return new RoomVisitor(tenant, Caller.guest(link.guestId(), link.id()), link,
          backend.rooms().byAlias(alias), link.username(), token);
    }
    Caller caller = backend.tokens().authenticateSession(claims);
    Room room = backend.rooms().enterable(caller, alias);
    String name = participantName != null && !participantName.isBlank() ? participantName
        : backend.users().get(caller.userId()).username();
    return new RoomVisitor(tenant, caller, null, room, name, token);
  }

  /**
   * The visitor a room page's cookie names, once they are in (or were in): a link's holder even
   * after a one-time link is used up; a user while their token is valid.
   */
  static RoomVisitor returning(TenantRegistry registry, String token, String alias) {
    TokenClaims claims = registry.decode(token);
    Tenant tenant = registry.tenantOf(claims);
    TenantBackend backend = tenant.backend();
    Room room = backend.rooms().byAlias(alias);
    if (backend.links().isLinkToken(claims.tokenId())) {
      AccessLink link = backend.links().byTokenId(claims.tokenId());
      return new RoomVisitor(tenant, Caller.guest(link.guestId(), link.id()), link, room, link.username(), token);
    }
    Caller caller = backend.tokens().authenticateSession(claims);
    return new RoomVisitor(tenant, caller, null, room, backend.users().get(caller.userId()).username(), token);
  }

  /** Joins: uses a one-time link up (410 if someone was quicker); the first one in starts the call. */
  Participant join() {
    if (link != null) {
      return backend().participants().joinByLink(link.tokenId(), room.alias());
    }
    return backend().participants().joinAsUser(caller, room.alias(), name);
  }

  /** The participant, if it is this visitor's own in this room; 403 otherwise. */
  Participant own(String participantId) {
    if (participantId == null || participantId.isBlank()) {
      throw ApiError.badRequest("participantId must not be empty");
    }
    Participant p = backend().participants().get(participantId);
    boolean mine = link != null ? link.id().equals(p.linkId())
        : p.linkId() == null && caller.userId().equals(p.userId());
    if (!mine || !p.roomId().equals(room.id())) {
      throw ApiError.forbidden("This participant is not yours");
    }
    return p;
  }
}
