package io.livedigitalmock.server.domain.rooms;

import java.time.Instant;
import java.util.Map;

/**
 * A space ("группа"): the parent of rooms [guide]. Immutable snapshot; updates replace it, so a
 * renderer never sees a half-applied change.
 */
public record Space(String id, String name, String description, String logo, boolean isPublic,
                    String ownerId, Plan plan, Instant createdAt, Map<String, SpaceRole> members) {

  public Space {
    members = Map.copyOf(members);
  }

  public boolean isOwner(String userId) {
    return ownerId.equals(userId);
  }

  public boolean isModerator(String userId) {
    return members.get(userId) == SpaceRole.MODERATOR;
  }

  /** Owner and moderators administer the space [guide: "создатель\модератор"]. */
  public boolean isManagedBy(String userId) {
    return isOwner(userId) || isModerator(userId);
  }

  /**
   * Public spaces are seen by every user; private ones by their creator and moderators [guide], and
   * by whoever activated an invite to them: activation "grants the user access to the group" [guide:
   * activateInvite], whatever its role.
   */
  public boolean isVisibleTo(String userId) {
    return isPublic || isOwner(userId) || members.containsKey(userId);
  }

  public Space withDetails(String name, String description, String logo, boolean isPublic) {
    return new Space(id, name, description, logo, isPublic, ownerId, plan, createdAt, members);
  }

  public Space withMember(String userId, SpaceRole role) {
    var copy = new java.util.HashMap<>(members);
    copy.put(userId, role);
    return new Space(id, name, description, logo, isPublic, ownerId, plan, createdAt, copy);
  }

  public Space withPlan(Plan newPlan) {
    return new Space(id, name, description, logo, isPublic, ownerId, newPlan, createdAt, members);
  }
}
