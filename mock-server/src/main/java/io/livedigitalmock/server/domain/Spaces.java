package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.common.Validate;
import io.livedigitalmock.server.domain.rooms.Plan;
import io.livedigitalmock.server.domain.rooms.Space;
import java.util.List;
import java.util.Map;

/** createSpaces, updateSpace, list/get/delete [guide; list/get/delete assumed]. */
public final class Spaces {

  private final TenantBackend backend;

  Spaces(TenantBackend backend) {
    this.backend = backend;
  }

  public Space create(Caller caller, String name, String description, String logo, Boolean isPublic) {
    String userId = caller.requireUser();
    Validate.notBlank("name", name);
    Validate.optional("description", description);
    Validate.optional("logo", logo);
    synchronized (backend.lock()) {
      Space space = new Space(backend.ids().objectId(), name, description, logo,
          isPublic == null || isPublic, userId, backend.defaultPlan(), backend.clock().now(), Map.of());
      backend.state().spaces.put(space.id(), space);
      return space;
    }
  }

  /** A public space with a given id, owned by {@code ownerId}: for built-in tenants only. */
  Space fixture(String id, String ownerId, String name) {
    synchronized (backend.lock()) {
      Space space = new Space(id, name, null, null, true, ownerId, backend.defaultPlan(), backend.clock().now(),
          Map.of());
      backend.state().spaces.put(id, space);
      return space;
    }
  }

  /** The spaces the caller sees: public ones and the private ones it owns or moderates. */
  public List<Space> list(Caller caller) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      return backend.state().spaces.values().stream().filter(s -> s.isVisibleTo(userId)).toList();
    }
  }

  public Space get(Caller caller, String spaceId) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      return backend.state().visibleSpace(userId, spaceId);
    }
  }

  /** updateSpace: name and isPublic are required [guide]; absent description/logo are kept [assumed]. */
  public Space update(Caller caller, String spaceId, String name, boolean isPublic, String description,
                      String logo) {
    String userId = caller.requireUser();
    Validate.notBlank("name", name);
    Validate.optional("description", description);
    Validate.optional("logo", logo);
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Space space = s.managedSpace(userId, spaceId);
      Space updated = space.withDetails(name, description != null ? description : space.description(),
          logo != null ? logo : space.logo(), isPublic);
      s.spaces.put(spaceId, updated);
      return updated;
    }
  }

  /** Only the owner deletes a space; its rooms, invites and links go with it [assumed]. */
  public void delete(Caller caller, String spaceId) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Space space = s.visibleSpace(userId, spaceId);
      if (!space.isOwner(userId)) {
        throw ApiError.forbidden("Only the space owner may delete it");
      }
      s.removeRooms(s.rooms.values().stream().filter(r -> r.spaceId().equals(spaceId)).toList());
      s.invites.values().removeIf(i -> i.spaceId().equals(spaceId));
      s.webhookBySpace.remove(spaceId);
      s.spaces.remove(spaceId);
    }
  }

  /** Control plane: a space's tariff decides webhooks and statistics. */
  public Space setPlan(String spaceId, Plan plan) {
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Space updated = s.space(spaceId).withPlan(plan);
      s.spaces.put(spaceId, updated);
      return updated;
    }
  }

  public boolean exists(String id) {
    synchronized (backend.lock()) {
      return backend.state().spaces.containsKey(id);
    }
  }

  public List<Space> all() {
    synchronized (backend.lock()) {
      return List.copyOf(backend.state().spaces.values());
    }
  }
}
