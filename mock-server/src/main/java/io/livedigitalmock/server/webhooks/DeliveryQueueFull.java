package io.livedigitalmock.server.webhooks;

/** The deliveries waiting to be sent hold {@code --delivery-queue-bytes} already: an event was dropped. */
public final class DeliveryQueueFull extends RuntimeException {

  DeliveryQueueFull(String message) {
    super(message, null, false, false);
  }
}
