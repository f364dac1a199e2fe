package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.common.Validate;
import io.livedigitalmock.server.domain.rooms.AccessLink;
import io.livedigitalmock.server.domain.rooms.AccessRequest;
import io.livedigitalmock.server.domain.rooms.Room;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * generateAccess [guide, docs] and the opening of the links it makes. A link is one-time unless
 * permanent, and void after its ttl (default 24 h, at most 5 days).
 */
public final class AccessLinks {

  public static final long DEFAULT_TTL = 86_400;
  public static final long MAX_TTL = 432_000;

  private final TenantBackend backend;

  AccessLinks(TenantBackend backend) {
    this.backend = backend;
  }

  /** Only the room's creator or a room moderator may call it, not the space owner as such [guide]. */
  public AccessLink generate(Caller caller, String spaceId, String roomId, AccessRequest request,
                             String requestBase) {
    String userId = caller.requireUser();
    Validate.notBlank("username", request.username());
    if (request.role() == null) {
      throw ApiError.badRequest("role must not be empty");
    }
    long ttl = request.ttl() == null ? DEFAULT_TTL : request.ttl();
    if (ttl < 1 || ttl > MAX_TTL) {
      throw ApiError.badRequest("ttl must be between 1 and " + MAX_TTL + " seconds");
    }
    Validate.optional("externalUserId", request.externalUserId());
    Validate.optional("externalMeetingId", request.externalMeetingId());
    Validate.optional("email", request.email());
    Validate.optional("phone", request.phone());
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      s.space(spaceId);
      Room room = s.room(spaceId, roomId);
      if (!room.isModeratedBy(userId)) {
        throw ApiError.forbidden("Only the room creator or a room moderator may generate access");
      }
      Instant now = backend.clock().now();
      Instant expiresAt = now.plusSeconds(ttl);
      String guestId = backend.ids().objectId();
      String tokenId = backend.newTokenId();
      String token = backend.tokens().mintForLink(guestId, tokenId, expiresAt);
      String url = backend.linkBase(requestBase) + "/room/" + room.alias()
          + "?participantName=" + URLEncoder.encode(request.username(), StandardCharsets.UTF_8)
          + "&accessToken=" + token;
      AccessLink link = new AccessLink(backend.ids().objectId(), spaceId, roomId, room.alias(),
          request.username(), request.role(), request.externalUserId(), request.externalMeetingId(),
          request.email(), request.phone(), ttl, Boolean.TRUE.equals(request.isPermanent()), guestId,
          tokenId, token, url, userId, now, expiresAt, 0, null);
      s.links.put(link.id(), link);
      s.linkIdByTokenId.put(tokenId, link.id());
      return link;
    }
  }

  /**
   * The link whose room page someone is opening, checked against the page's alias. Whether it still
   * admits anyone is decided where people enter ({@link Participants}), under the same lock as the
   * admission itself.
   */
  AccessLink opening(String tokenId, String alias) {
    TenantState s = backend.state();
    String linkId = s.linkIdByTokenId.get(tokenId);
    if (linkId == null) {
      throw ApiError.notFound("Access link");
    }
    AccessLink link = s.links.get(linkId);
    if (!link.alias().equals(alias)) {
      throw ApiError.forbidden("This access link is for another room");
    }
    return link;
  }

  /**
   * The link of a room page being shown, if it would still admit its holder: 404 for no such link,
   * 403 for another room's page, 410 when used or expired [docs]. Uses nothing up: the holder is
   * admitted when they join ({@link Participants#joinByLink}).
   */
  public AccessLink admitting(String tokenId, String alias) {
    synchronized (backend.lock()) {
      AccessLink link = opening(tokenId, alias);
      requireUsable(link, backend.clock().now());
      return link;
    }
  }

  /** 410 for a link that admits nobody any more: expired, or one-time and used [docs]. */
  static void requireUsable(AccessLink link, Instant now) {
    if (link.isExpiredAt(now)) {
      throw ApiError.gone("Access link expired");
    }
    if (!link.isUsableAt(now)) {
      throw ApiError.gone("Access link was already used");
    }
  }

  /** The link a token was made for, used or not; 404 if it is no link's token. */
  public AccessLink byTokenId(String tokenId) {
    synchronized (backend.lock()) {
      String linkId = backend.state().linkIdByTokenId.get(tokenId);
      if (linkId == null) {
        throw ApiError.notFound("Access link");
      }
      return backend.state().links.get(linkId);
    }
  }

  public boolean isLinkToken(String tokenId) {
    synchronized (backend.lock()) {
      return backend.state().linkIdByTokenId.containsKey(tokenId);
    }
  }

  public AccessLink get(String linkId) {
    synchronized (backend.lock()) {
      AccessLink link = backend.state().links.get(linkId);
      if (link == null) {
        throw ApiError.notFound("Access link");
      }
      return link;
    }
  }

  public List<AccessLink> all() {
    synchronized (backend.lock()) {
      return List.copyOf(backend.state().links.values());
    }
  }
}
