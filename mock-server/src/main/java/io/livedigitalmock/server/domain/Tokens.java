package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.auth.OAuthError;
import io.livedigitalmock.server.domain.auth.TokenClaims;
import io.livedigitalmock.server.domain.auth.TokenPair;
import io.livedigitalmock.server.domain.auth.User;
import io.livedigitalmock.server.domain.calls.Participant;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.rooms.AccessLink;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Issues a tenant's tokens and says who a presented token belongs to. Lifetimes are those decoded
 * from the guide's samples: access 7 days, refresh 30 days.
 */
public final class Tokens {

  public static final Duration ACCESS_TTL = Duration.ofSeconds(604_800);
  public static final Duration REFRESH_TTL = Duration.ofSeconds(2_592_000);

  private final TenantBackend backend;

  Tokens(TenantBackend backend) {
    this.backend = backend;
  }

  /** client_credentials: the client acting for itself; {@code sub} is the client's id [guide samples]. */
  public TokenPair forClient() {
    String sub = backend.clientObjectId();
    return pair(sub, TokenClaims.AUDIENCE_CLIENT, null);
  }

  /** password grant: {@code username} is the user's email [guide FAQ]. */
  public TokenPair forUser(String email, String password) {
    User user;
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      String id = s.userIdByEmail.get(TenantState.emailKey(email));
      user = id == null ? null : s.users.get(id);
    }
    if (user == null || !user.password().equals(password)) {
      throw OAuthError.invalidGrant("Invalid credentials");
    }
    return pair(user.id(), TokenClaims.AUDIENCE_USER, user.signature());
  }

  /** refresh_token grant: a new pair for whoever the refresh token was issued to [assumed]. */
  public TokenPair refresh(TokenClaims claims) {
    if (!TokenClaims.TYPE_REFRESH.equals(claims.type())) {
      throw OAuthError.invalidGrant("Not a refresh token");
    }
    if (isExpired(claims)) {
      throw OAuthError.invalidGrant("Refresh token expired");
    }
    if (TokenClaims.AUDIENCE_CLIENT.equals(claims.audience())) {
      return forClient();
    }
    User user;
    synchronized (backend.lock()) {
      user = issuedTo(claims);
    }
    if (user == null) {
      throw OAuthError.invalidGrant("The user of this refresh token no longer exists");
    }
    return pair(user.id(), TokenClaims.AUDIENCE_USER, user.signature());
  }

  /** A personal token: acts as its user and never expires (no {@code exp}). */
  String mintPersonal(String userId, String signature, String tokenId) {
    Instant now = backend.clock().now();
    return backend.codec().encode(new TokenClaims(userId, TokenClaims.AUDIENCE_USER,
        TokenClaims.TYPE_ACCESS, backend.clientObjectId(), tokenId, now, null, signature));
  }

  /**
   * A participant's token for the media server [sdk]. Under the tenant lock. It carries its creator's
   * signature ({@link #creatorSignature}), so that it acts for that creator only, not for whoever
   * creates a participant with the same id after a reset.
   */
  String mintSignaling(Participant participant) {
    Instant now = backend.clock().now();
    return backend.codec().encode(new TokenClaims(participant.id(), TokenClaims.AUDIENCE_PARTICIPANT,
        TokenClaims.TYPE_SIGNALING, backend.clientObjectId(), backend.newTokenId(), now, now.plus(ACCESS_TTL),
        creatorSignature(participant)));
  }

  /**
   * What tells this participant's creator from an earlier one with the same id: a user's signature,
   * the token id of a guest's access link; none for the client, which stays the same across resets.
   */
  private String creatorSignature(Participant p) {
    TenantState s = backend.state();
    if (Caller.CLIENT_IDENTITY.equals(p.createdBy())) {
      return null;
    }
    if (p.linkId() != null) {
      AccessLink link = s.links.get(p.linkId());
      return link == null ? null : link.tokenId();
    }
    User creator = s.users.get(p.createdBy());
    return creator == null ? null : creator.signature();
  }

  /** The token an access link carries: a user token of the link's guest, living {@code ttl}. */
  String mintForLink(String guestId, String tokenId, Instant expiresAt) {
    Instant now = backend.clock().now();
    return backend.codec().encode(new TokenClaims(guestId, TokenClaims.AUDIENCE_USER,
        TokenClaims.TYPE_ACCESS, backend.clientObjectId(), tokenId, now, expiresAt, null));
  }

  /**
   * Who presents this (already signature-checked) token as a bearer. Any token the mock issued is
   * taken for its holder: an access token, a refresh token (the guide uses it for background
   * sign-in), even a participant's signaling token (for whoever created the participant), since no
   * source says the real API refuses a token type [assumed, ledger T7]. An expired or revoked one, or
   * one whose user is gone, is refused with 401.
   */
  public Caller authenticate(TokenClaims claims) {
    if (TokenClaims.TYPE_SIGNALING.equals(claims.type())) {
      return participantCreator(claims);
    }
    return holder(claims);
  }

  private Caller participantCreator(TokenClaims claims) {
    if (isExpired(claims)) {
      throw ApiError.unauthorized("Token expired");
    }
    synchronized (backend.lock()) {
      Participant p = backend.state().participants.get(claims.subject());
      if (p == null || p.createdBy() == null || !Objects.equals(creatorSignature(p), claims.signature())) {
        throw ApiError.unauthorized("The participant of this token no longer exists");
      }
      if (Caller.CLIENT_IDENTITY.equals(p.createdBy())) {
        return Caller.client();
      }
      if (p.linkId() != null) {
        return Caller.guest(p.createdBy(), p.linkId());
      }
      return Caller.user(p.createdBy());
    }
  }

  /**
   * A registered user's browser session: their access token or their refresh token. The room page
   * takes either, as the iframe embedding does [guide]; so does the API when the refresh token comes
   * as the {@code refreshToken} cookie, as in the guide's curl samples for invites and roles.
   */
  public Caller authenticateSession(TokenClaims claims) {
    if (!TokenClaims.TYPE_ACCESS.equals(claims.type()) && !TokenClaims.TYPE_REFRESH.equals(claims.type())) {
      throw ApiError.unauthorized("Not an access or refresh token");
    }
    Caller caller = holder(claims);
    caller.requireUser();
    return caller;
  }

  /** Who holds a token of an accepted type: refused if expired, revoked, or its user is gone. */
  private Caller holder(TokenClaims claims) {
    if (isExpired(claims)) {
      throw ApiError.unauthorized("Token expired");
    }
    if (TokenClaims.AUDIENCE_CLIENT.equals(claims.audience())) {
      if (!backend.clientObjectId().equals(claims.subject())) {
        throw ApiError.unauthorized("Unknown client");
      }
      return Caller.client();
    }
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      String personalId = s.personalTokenIdByTokenId.get(claims.tokenId());
      if (personalId != null && s.personalTokens.get(personalId).isRevoked()) {
        throw ApiError.unauthorized("Token revoked");
      }
      if (personalId == null && claims.expiresAt() == null) {
        // only personal tokens lack exp; one this tenant no longer knows (reset since) is void
        throw ApiError.unauthorized("Unknown personal token");
      }
      String linkId = s.linkIdByTokenId.get(claims.tokenId());
      if (linkId != null) {
        return Caller.guest(claims.subject(), linkId);
      }
      if (claims.signature() == null) {
        // a link's token (only users' tokens carry a signature) whose link this tenant no longer has:
        // its guest's id may be a user's now, made after a reset
        throw ApiError.unauthorized("The access link of this token no longer exists");
      }
      if (issuedTo(claims) == null) {
        throw ApiError.unauthorized("The user of this token no longer exists");
      }
    }
    return Caller.user(claims.subject());
  }

  /**
   * Under the lock: the user a user's token was issued to, or null if gone. Ids come back after a
   * reset, signatures do not (but the first user's): a token names its user by both.
   */
  private User issuedTo(TokenClaims claims) {
    User user = backend.state().users.get(claims.subject());
    return user != null && user.signature().equals(claims.signature()) ? user : null;
  }

  private boolean isExpired(TokenClaims claims) {
    return claims.expiresAt() != null && !backend.clock().now().isBefore(claims.expiresAt());
  }

  private TokenPair pair(String subject, String audience, String signature) {
    Instant now = backend.clock().now();
    String clientId = backend.clientObjectId();
    String access = backend.codec().encode(new TokenClaims(subject, audience, TokenClaims.TYPE_ACCESS,
        clientId, backend.newTokenId(), now, now.plus(ACCESS_TTL), signature));
    String refresh = backend.codec().encode(new TokenClaims(subject, audience, TokenClaims.TYPE_REFRESH,
        clientId, backend.newTokenId(), now, now.plus(REFRESH_TTL), signature));
    return new TokenPair(access, refresh);
  }
}
