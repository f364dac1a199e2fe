package io.livedigitalmock.server.domain.webhooks;

/**
 * Where the domain hands events for delivery. Called while a tenant's lock is held, so an
 * implementation must only enqueue: delivery happens elsewhere and never slows the API.
 */
@FunctionalInterface
public interface EventSink {

  EventSink NONE = event -> { };

  void publish(WebhookEvent event);
}
