package io.livedigitalmock.pact.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The LMS's webhook endpoint logic, as the guide tells integrators to write it: parse the POSTed
 * {@code {"signature","body"}}, recompute {@code HMAC-SHA256(secret, JSON.stringify(body))} in hex and
 * reject the event unless it matches. Jackson keeps the keys in the order received and writes compact
 * JSON, as {@code JSON.stringify} does.
 */
final class LmsWebhookReceiver {

  /** An accepted event. {@code recordId} is null for call events. */
  record Event(String eventName, String roomId, String spaceId, String recordId) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String secret;

  LmsWebhookReceiver(String secret) {
    this.secret = secret;
  }

  /** @throws SecurityException if the signature does not match */
  Event accept(byte[] request) throws IOException {
    JsonNode delivery = JSON.readTree(request);
    JsonNode body = delivery.path("body");
    String expected = sign(secret, JSON.writeValueAsString(body));
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        delivery.path("signature").asText().getBytes(StandardCharsets.US_ASCII))) {
      throw new SecurityException("signature mismatch");
    }
    return new Event(body.path("eventName").asText(), body.path("roomId").asText(), body.path("spaceId").asText(),
        body.hasNonNull("recordId") ? body.path("recordId").asText() : null);
  }

  static String sign(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
