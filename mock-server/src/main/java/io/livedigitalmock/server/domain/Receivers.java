package io.livedigitalmock.server.domain;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** The built-in webhook receivers of the server; a full reset drops them. */
public final class Receivers {

  private final Map<String, Receiver> byId = new ConcurrentHashMap<>();

  public Receiver create(List<Integer> responses, long delayMillis, Instant now) {
    byte[] id = new byte[8];
    ThreadLocalRandom.current().nextBytes(id);
    Receiver receiver = new Receiver(HexFormat.of().formatHex(id), responses, delayMillis, now);
    byId.put(receiver.id(), receiver);
    return receiver;
  }

  public Receiver get(String id) {
    Receiver receiver = byId.get(id);
    if (receiver == null) {
      throw ApiError.notFound("Receiver");
    }
    return receiver;
  }

  public void delete(String id) {
    if (byId.remove(id) == null) {
      throw ApiError.notFound("Receiver");
    }
  }

  public void clear() {
    byId.clear();
  }
}
