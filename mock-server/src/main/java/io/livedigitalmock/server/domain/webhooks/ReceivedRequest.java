package io.livedigitalmock.server.domain.webhooks;

import java.time.Instant;

/**
 * One POST that reached a built-in receiver: the raw body, the event it names, and whether its
 * signature checks out against the secret of a webhook pointing at the receiver (null: none does, or
 * the body is not a signed event). {@code status} is what the receiver answered.
 */
public record ReceivedRequest(long seq, String receiverId, Instant at, String eventName, String body,
                              String signature, Boolean signatureValid, int status) {

  public ReceivedRequest withSeq(long newSeq) {
    return new ReceivedRequest(newSeq, receiverId, at, eventName, body, signature, signatureValid, status);
  }
}
