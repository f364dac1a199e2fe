package io.livedigitalmock.server.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Ids are what they always were for a seed, and a saved source resumes exactly where it stood. */
class IdSourceTest {

  private static final String HEX = "0123456789abcdef";
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  @Test
  void theCharsAreThoseOfSplittableRandomsBoundedDraws() {
    for (long seed = -3; seed < 200; seed++) {
      IdSource ids = new IdSource(seed);
      SplittableRandom reference = new SplittableRandom(seed);
      for (int round = 0; round < 20; round++) {
        assertEquals(expected(reference, HEX, 24), ids.objectId(), "seed " + seed);
        assertEquals(expected(reference, ALNUM, 10), ids.alias(), "seed " + seed);
        assertEquals(expected(reference, ALNUM, 32), ids.secret(), "seed " + seed);
      }
    }
  }

  @Test
  void aResumedSourceHandsOutWhatTheSavedOneWouldHaveNext() {
    IdSource original = IdSource.derived(42, "data", "client-a", "0123456789");
    for (int i = 0; i < 57; i++) {
      original.objectId();
      original.alias();
    }
    IdSource resumed = IdSource.resumed(original.seed(), original.objectIdPrefix(), original.draws());
    for (int i = 0; i < 100; i++) {
      assertEquals(original.objectId(), resumed.objectId());
      assertEquals(original.secret(), resumed.secret());
      assertEquals(original.hex(10), resumed.hex(10));
    }
    assertEquals(original.draws(), resumed.draws());
  }

  private static String expected(SplittableRandom random, String alphabet, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
