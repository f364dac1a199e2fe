package io.livedigitalmock.server.webhooks;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The payload bytes of events waiting to be sent or retried, against {@code --delivery-queue-bytes}:
 * each event holds its share from the moment it is handed over until its last attempt ends or is
 * called off, so a receiver that hangs cannot make them pile up without end.
 */
final class WaitingBytes {

  private final long limit;
  private final AtomicLong held = new AtomicLong();

  WaitingBytes(long limit) {
    this.limit = limit;
  }

  /** @throws DeliveryQueueFull if {@code bytes} more would pass the limit */
  Held hold(long bytes) {
    if (held.addAndGet(bytes) > limit) {
      held.addAndGet(-bytes);
      throw full();
    }
    return new Held(bytes);
  }

  /** @throws DeliveryQueueFull if {@code bytes} more would pass the limit now (holds nothing) */
  void requireRoom(long bytes) {
    if (held.get() + bytes > limit) {
      throw full();
    }
  }

  private DeliveryQueueFull full() {
    return new DeliveryQueueFull("Deliveries waiting to be sent hold --delivery-queue-bytes (" + limit
        + " bytes) already: the event was dropped; wait for deliveries to finish or raise the option");
  }

  /** One event's share; released once, whichever way its delivery ends. */
  final class Held {

    private final long bytes;
    private final AtomicBoolean released = new AtomicBoolean();

    private Held(long bytes) {
      this.bytes = bytes;
    }

    void release() {
      if (released.compareAndSet(false, true)) {
        held.addAndGet(-bytes);
      }
    }
  }
}
