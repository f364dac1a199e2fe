package io.livedigitalmock.pact.consumer;

import static io.livedigitalmock.pact.consumer.Shapes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What livedigital POSTs to a space's webhook, as message pacts: {@code {"signature": <64 hex>, "body":
 * {"eventName","roomId","spaceId"[,"recordId"]}}}, one per event of the guide and the docs. Each example
 * is signed for real with {@link #SECRET}, and the receiver checks it as the guide says.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "livedigital-webhooks", providerType = ProviderType.ASYNCH,
    pactVersion = PactSpecVersion.V4)
class WebhookReceiverPactTest {

  private static final String SECRET = "g7r0gOSKiQ59prCGXo1H50PACb5ca1mD";
  private static final String[] ROOM_WITH_WEBHOOK = {"a space exists", "a room exists in the space",
      "a webhook is registered for the space"};

  private static V4Pact event(MessagePactBuilder builder, String eventName, String state) {
    boolean record = eventName.startsWith("record_");
    Map<String, String> example = new LinkedHashMap<>();
    example.put("eventName", eventName);
    example.put("roomId", ROOM_ID);
    example.put("spaceId", SPACE_ID);
    if (record) {
      example.put("recordId", RECORD_ID);
    }
    String signature;
    try {
      // Pact keeps a JSON body's keys sorted, so the example is signed in that order (the mock sends
      // Node's order, eventName, roomId, spaceId, recordId: the receiver re-serializes what it got either way)
      signature = LmsWebhookReceiver.sign(SECRET, IntegratorHttp.JSON.writeValueAsString(new TreeMap<>(example)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    PactDslJsonBody body = new PactDslJsonBody().stringMatcher("signature", HEX_SIGNATURE, signature);
    PactDslJsonBody event = body.object("body")
        .stringValue("eventName", eventName)
        .stringMatcher("roomId", ID, ROOM_ID)
        .stringMatcher("spaceId", ID, SPACE_ID);
    if (record) {
      event.stringMatcher("recordId", ID, RECORD_ID);
    }
    event.closeObject();
    for (String given : ROOM_WITH_WEBHOOK) {
      builder.given(given);
    }
    return builder.given(state).expectsToReceive("a " + eventName + " event").withContent(body)
        .toPact(V4Pact.class);
  }

  private static LmsWebhookReceiver.Event received(V4Interaction.AsynchronousMessage message) throws Exception {
    return new LmsWebhookReceiver(SECRET).accept(message.getContents().getContents().getValue());
  }

  @Pact(consumer = "lms-webhook-receiver")
  V4Pact callStarted(MessagePactBuilder builder) {
    return event(builder, "call_started", "a call is in progress in the room");
  }

  @Test
  @PactTestFor(pactMethod = "callStarted")
  void aLessonBegins(V4Interaction.AsynchronousMessage message) throws Exception {
    LmsWebhookReceiver.Event event = received(message);
    assertEquals("call_started", event.eventName());
    assertEquals(ROOM_ID, event.roomId());
    assertNull(event.recordId());
  }

  @Pact(consumer = "lms-webhook-receiver")
  V4Pact callFinished(MessagePactBuilder builder) {
    return event(builder, "call_finished", "a finished call with 2 participants exists");
  }

  /** The guide: analytics of a call exist once call_finished came. */
  @Test
  @PactTestFor(pactMethod = "callFinished")
  void aLessonEndsAndItsReportCanBeFetched(V4Interaction.AsynchronousMessage message) throws Exception {
    assertEquals("call_finished", received(message).eventName());
  }

  @Pact(consumer = "lms-webhook-receiver")
  V4Pact recordStarted(MessagePactBuilder builder) {
    return event(builder, "record_started", "a recording is in progress in the room");
  }

  @Test
  @PactTestFor(pactMethod = "recordStarted")
  void aRecordingBegins(V4Interaction.AsynchronousMessage message) throws Exception {
    assertEquals(RECORD_ID, received(message).recordId());
  }

  @Pact(consumer = "lms-webhook-receiver")
  V4Pact recordFinished(MessagePactBuilder builder) {
    return event(builder, "record_finished", "a recording exists");
  }

  @Test
  @PactTestFor(pactMethod = "recordFinished")
  void aRecordingIsReadyToDownload(V4Interaction.AsynchronousMessage message) throws Exception {
    assertEquals("record_finished", received(message).eventName());
  }

  @Pact(consumer = "lms-webhook-receiver")
  V4Pact recordAborted(MessagePactBuilder builder) {
    return event(builder, "record_aborted", "a recording was aborted");
  }

  @Test
  @PactTestFor(pactMethod = "recordAborted")
  void aRecordingStoppedAtOnceLeavesNoFile(V4Interaction.AsynchronousMessage message) throws Exception {
    assertEquals("record_aborted", received(message).eventName());
  }

  @Pact(consumer = "lms-webhook-receiver")
  V4Pact recordFailed(MessagePactBuilder builder) {
    return event(builder, "record_failed", "a recording has failed");
  }

  /** The guide's FAQ: after record_failed the integrator starts a new recording; livedigital does not. */
  @Test
  @PactTestFor(pactMethod = "recordFailed")
  void aFailedRecordingIsReported(V4Interaction.AsynchronousMessage message) throws Exception {
    assertEquals("record_failed", received(message).eventName());
  }
}
