package io.livedigitalmock.server.domain.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenIdsTest {

  @Test
  void idsAreThirteenHexCharsAndNeverRepeat() {
    TokenIds ids = new TokenIds(42);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      String id = ids.next();
      assertTrue(id.matches("[0-9a-f]{13}"), id);
      assertTrue(seen.add(id), "repeated after " + i + ": " + id);
    }
  }

  @Test
  void signaturesAreTenHexCharsAndNeverRepeatNorShiftTheIdsDrawnBetween() {
    TokenIds ids = new TokenIds(42);
    TokenIds same = new TokenIds(42);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      String signature = ids.nextSignature();
      assertTrue(signature.matches("[0-9a-f]{10}"), signature);
      assertTrue(seen.add(signature), "repeated after " + i + ": " + signature);
      same.next();
    }
    assertEquals(same.next(), ids.next(), "a signature takes its place in the one sequence, as an id does");
  }

  @Test
  void theSeedDecidesTheSequence() {
    assertEquals(new TokenIds(7).next(), new TokenIds(7).next());
    assertNotEquals(new TokenIds(7).next(), new TokenIds(8).next());
  }
}
