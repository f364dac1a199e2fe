package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.common.Validate;
import io.livedigitalmock.server.domain.rooms.Space;
import io.livedigitalmock.server.domain.webhooks.Webhook;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A space's webhook: one per space, managed by the space owner only, on paid plans only [guide].
 */
public final class Webhooks {

  private final TenantBackend backend;

  Webhooks(TenantBackend backend) {
    this.backend = backend;
  }

  public Webhook create(Caller caller, String spaceId, String url) {
    String userId = caller.requireUser();
    validUrl(url);
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      ownedPaidSpace(userId, spaceId);
      if (s.webhookBySpace.containsKey(spaceId)) {
        throw ApiError.conflict("This space already has a webhook; update or delete it");
      }
      Webhook hook = new Webhook(spaceId, url, backend.ids().secret(), true, backend.clock().now());
      s.webhookBySpace.put(spaceId, hook);
      return hook;
    }
  }

  public Webhook get(Caller caller, String spaceId) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      ownedPaidSpace(userId, spaceId);
      return existing(spaceId);
    }
  }

  /** updateWebhook: {@code url} and {@code isActive}; a field left out keeps its value [assumed]. */
  public Webhook update(Caller caller, String spaceId, String url, Boolean isActive) {
    String userId = caller.requireUser();
    if (url != null) {
      validUrl(url);
    }
    synchronized (backend.lock()) {
      ownedPaidSpace(userId, spaceId);
      Webhook hook = existing(spaceId);
      Webhook updated = hook.with(url != null ? url : hook.url(), isActive != null ? isActive : hook.isActive());
      backend.state().webhookBySpace.put(spaceId, updated);
      return updated;
    }
  }

  public void delete(Caller caller, String spaceId) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      ownedPaidSpace(userId, spaceId);
      existing(spaceId);
      backend.state().webhookBySpace.remove(spaceId);
    }
  }

  /** refreshSecret: events from now on are signed with the new secret. */
  public Webhook refreshSecret(Caller caller, String spaceId) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      ownedPaidSpace(userId, spaceId);
      Webhook updated = existing(spaceId).withSecret(backend.ids().secret());
      backend.state().webhookBySpace.put(spaceId, updated);
      return updated;
    }
  }

  /** Control plane: the space's webhook, whoever asks. */
  public Webhook forSpace(String spaceId) {
    synchronized (backend.lock()) {
      backend.state().space(spaceId);
      return existing(spaceId);
    }
  }

  /** The space's webhook, if it has one (the dashboard). */
  public java.util.Optional<Webhook> find(String spaceId) {
    synchronized (backend.lock()) {
      return java.util.Optional.ofNullable(backend.state().webhookBySpace.get(spaceId));
    }
  }

  /** The secrets of this tenant's webhooks that deliver to {@code url} (what a receiver verifies with). */
  public java.util.List<String> secretsFor(String url) {
    synchronized (backend.lock()) {
      return backend.state().webhookBySpace.values().stream().filter(w -> w.url().equals(url))
          .map(Webhook::secret).toList();
    }
  }

  private void ownedPaidSpace(String userId, String spaceId) {
    Space space = backend.state().visibleSpace(userId, spaceId);
    if (!space.isOwner(userId)) {
      throw ApiError.forbidden("Only the space owner manages its webhook");
    }
    if (!space.plan().allowsWebhooks()) {
      throw ApiError.forbidden("Webhooks are not available on the " + space.plan().wire() + " plan");
    }
  }

  private Webhook existing(String spaceId) {
    Webhook hook = backend.state().webhookBySpace.get(spaceId);
    if (hook == null) {
      throw ApiError.notFound("Webhook");
    }
    return hook;
  }

  /** An absolute http(s) URL a request can be sent to: a port outside 1..65535 is refused here [assumed]. */
  private static void validUrl(String url) {
    Validate.notBlank("url", url);
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ApiError.badRequest("url must be an absolute http(s) URL");
    }
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw ApiError.badRequest("url must be an absolute http(s) URL");
    }
    if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
      throw ApiError.badRequest("url must have a port between 1 and 65535");
    }
  }
}
