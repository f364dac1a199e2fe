package io.livedigitalmock.server.domain.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One tenant as saved: its client and first user (what a reset brings back), its clock, where its id
 * sources stood, and everything it stores, oldest first, enum values under their API names. Indexes
 * (by email, alias, token id, the active call or recording of a room) are not saved: they are made
 * again from these.
 *
 * @param builtIn {@code sdk-example-apps} for the tenant the SDK example apps expect (a reset furnishes
 *     it again); null for others
 */
public record TenantSnapshot(String clientId, String clientSecret, String clientObjectId, String plan, String userId,
                             String userEmail, String userPassword, String userName, String builtIn,
                             long clockOffsetMillis, IdPosition dataIds, IdPosition eventIds,
                             List<UserState> users, List<SpaceState> spaces, List<RoomState> rooms,
                             List<InviteState> invites, List<LinkState> links,
                             List<PersonalTokenState> personalTokens, List<ParticipantState> participants,
                             List<CallState> calls, List<RecordState> records, List<WebhookState> webhooks,
                             List<UserMetaState> externalUserMeta) {

  public static final String SDK_EXAMPLE_APPS = "sdk-example-apps";

  public record UserState(String id, String email, String username, String password, String phone,
                          String signature, Instant createdAt) {
  }

  /** {@code members}: user id → space role ({@code role_space_moderator}, {@code role_space_user}). */
  public record SpaceState(String id, String name, String description, String logo, boolean isPublic,
                           String ownerId, String plan, Instant createdAt, Map<String, String> members) {
  }

  /** {@code flags}: API field name → value; {@code roles}: user id → room role. */
  public record RoomState(String id, String alias, String channelId, String spaceId, String creatorId, String name,
                          String type, boolean isPublic, Map<String, Boolean> flags, String waitingRoomAudience,
                          Instant createdAt, Instant lastCallAt, Map<String, String> roles, String redirectUrl) {
  }

  public record InviteState(String id, String spaceId, String role, String createdBy, Instant createdAt,
                            String activatedBy, Instant activatedAt) {
  }

  public record LinkState(String id, String spaceId, String roomId, String alias, String username, String role,
                          String externalUserId, String externalMeetingId, String email, String phone,
                          long ttlSeconds, boolean permanent, String guestId, String tokenId, String accessToken,
                          String url, String createdBy, Instant createdAt, Instant expiresAt, int opens,
                          Instant firstOpenedAt) {
  }

  public record PersonalTokenState(String id, String userId, String tokenId, String token, Instant createdAt,
                                   Instant revokedAt) {
  }

  /** {@code roleModerates}: what the role allows (kept for roles the mock does not know by name). */
  public record ParticipantState(String id, String spaceId, String roomId, String name, String role,
                                 boolean roleModerates, String userId, String linkId, String email, String phone,
                                 String externalUserId, String externalMeetingId, String clientUniqueId,
                                 String createdBy, Instant createdAt, String callId, Instant joinedAt,
                                 Instant leftAt) {
  }

  public record CallState(String id, String spaceId, String roomId, Instant startedAt, Instant finishedAt,
                          List<String> participantIds, int peakParticipants) {
  }

  public record RecordState(String id, String name, long fileSize, String roomId, String spaceId, String callId,
                            String state, Instant createdAt, Instant startedAt, Instant finishedAt) {
  }

  public record WebhookState(String spaceId, String url, String secret, boolean isActive, Instant createdAt) {
  }

  /** storeExternalUserMeta: {@code externalMeetingId} null when stored without one. */
  public record UserMetaState(String externalUserId, String externalMeetingId, Map<String, Object> meta) {
  }
}
