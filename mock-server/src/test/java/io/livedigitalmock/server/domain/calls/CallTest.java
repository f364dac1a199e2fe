package io.livedigitalmock.server.domain.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livedigitalmock.server.domain.common.Footprint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A call is stored again each time someone joins: each stored version keeps the people it had, in
 * order of joining, and weighs what a list of them weighs, however the versions were made.
 */
class CallTest {

  private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

  private static Call empty() {
    return new Call("call", "space", "room", START, null, List.of(), 0);
  }

  @Test
  void everyVersionKeepsThePeopleItHadInOrderOfJoining() {
    Call first = empty().withParticipant("ann", 1);
    Call second = first.withParticipant("bob", 2);
    Call branch = first.withParticipant("eve", 1);   // from an older version: must not see or change bob
    Call third = second.withParticipant("cid", 2);

    assertEquals(List.of("ann"), first.participantIds());
    assertEquals(List.of("ann", "bob"), second.participantIds());
    assertEquals(List.of("ann", "eve"), branch.participantIds());
    assertEquals(List.of("ann", "bob", "cid"), third.participantIds());
    assertEquals(2, third.peakParticipants());
    assertEquals(List.of("ann", "eve", "dan"), branch.withParticipant("dan", 3).participantIds());
    assertEquals(List.of("ann", "bob", "cid"), third.participantIds());
  }

  @Test
  void aCallThatGrewEqualsOneMadeFromTheSameListAndWeighsTheSame() {
    Call grown = empty();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      String id = "participant-" + i;
      grown = grown.withParticipant(id, 1);
      ids.add(id);
    }
    Call made = new Call("call", "space", "room", START, null, ids, 1);
    assertEquals(made, grown);
    assertEquals(Footprint.of(ids), Footprint.of(grown.participantIds()));
    assertEquals(Footprint.of(made), Footprint.of(grown));
    assertEquals(Footprint.of(new ArrayList<>(List.of())), Footprint.of(empty().participantIds()));
  }

  @Test
  void aCallHoldsACopyAndRefusesAMissingId() {
    List<String> ids = new ArrayList<>(List.of("ann"));
    Call call = new Call("call", "space", "room", START, null, ids, 1);
    ids.add("bob");
    assertEquals(List.of("ann"), call.participantIds());
    assertThrows(NullPointerException.class, () -> new Call("call", "space", "room", START, null,
        Arrays.asList("ann", null), 1));
    assertThrows(UnsupportedOperationException.class, () -> call.participantIds().add("eve"));
  }
}
