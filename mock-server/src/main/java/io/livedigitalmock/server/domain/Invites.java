package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.rooms.Invite;
import io.livedigitalmock.server.domain.rooms.Space;
import io.livedigitalmock.server.domain.rooms.SpaceRole;

/** createInvite and activateInvite [guide]: one invite lets in exactly one user, once. */
public final class Invites {

  private final TenantBackend backend;

  Invites(TenantBackend backend) {
    this.backend = backend;
  }

  /** Space owner or moderator invites [assumed]. */
  public Invite create(Caller caller, String spaceId, SpaceRole role) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      s.managedSpace(userId, spaceId);
      Invite invite = new Invite(backend.ids().objectId(), spaceId, role, userId, backend.clock().now(),
          null, null);
      s.invites.put(invite.id(), invite);
      return invite;
    }
  }

  /**
   * Called with the invitee's own user token. The check and the write happen under one lock, so of
   * any number of concurrent activations exactly one succeeds; the rest get 409.
   */
  public Invite activate(Caller caller, String spaceId, String inviteId) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Space space = s.space(spaceId);
      Invite invite = s.invites.get(inviteId);
      if (invite == null || !invite.spaceId().equals(spaceId)) {
        throw ApiError.notFound("Invite");
      }
      if (invite.isActivated()) {
        throw ApiError.conflict("Invite has already been activated");
      }
      Invite activated = invite.activatedBy(userId, backend.clock().now());
      s.invites.put(inviteId, activated);
      boolean demotion = space.isModerator(userId) && invite.role() == SpaceRole.USER;
      if (!space.isOwner(userId) && !demotion) {
        s.spaces.put(spaceId, space.withMember(userId, invite.role()));
      }
      return activated;
    }
  }
}
