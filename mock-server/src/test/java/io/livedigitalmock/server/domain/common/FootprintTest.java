package io.livedigitalmock.server.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What {@code --data-bytes} counts: strings as the JVM keeps them, what is stored once counted once,
 * and a map's weight back at nothing when its entries are gone, whichever equal key removed them.
 */
class FootprintTest {

  record Thing(String id, String name) {
  }

  record Pointer(String id, @Footprint.Shared String thingId) {
  }

  record Numbers(int small, long large, boolean flag) {
  }

  @Test
  void aStringCountsOneByteACharWhenEveryCharFitsInOneAndTwoOtherwise() {
    long latin = Footprint.of("a".repeat(1_000));
    long cyrillic = Footprint.of("я".repeat(1_000));
    assertEquals(1_000, cyrillic - latin);
    assertTrue(latin >= 1_000 + Footprint.ARRAY + Footprint.STRING, "the array and the string object count too");
    assertEquals(Footprint.of("é".repeat(1_000)), latin, "Latin-1 fits in one byte");
  }

  @Test
  void aSharedComponentCountsAsItsSlotOnly() {
    assertEquals(Footprint.of(new Pointer("p", "t")), Footprint.of(new Pointer("p", "t".repeat(500))));
    assertTrue(Footprint.of(new Thing("p", "t".repeat(500))) > Footprint.of(new Thing("p", "t")) + 490);
  }

  @Test
  void primitiveComponentsCountAsTheirFieldsNotAsBoxes() {
    assertEquals(Footprint.aligned(Footprint.HEADER + 4 + 8 + 1), Footprint.of(new Numbers(1, 2L, true)));
  }

  @Test
  void aRecordWeighsWhatItsFieldsTakeRoundedToEightBytes() {
    long thing = Footprint.of(new Thing("", ""));
    assertEquals(0, thing % 8);
    assertEquals(Footprint.aligned(Footprint.HEADER + 2 * Footprint.REFERENCE) + 2 * Footprint.of(""), thing);
  }

  @Test
  void aHugeNumberCountsItsDigits() {
    // a JSON body may carry a 200,000-digit integer (Jackson's BigInteger): it must not count as a small box
    java.math.BigInteger huge = java.math.BigInteger.TEN.pow(200_000);
    assertTrue(Footprint.of(huge) > 200_000 * Math.log(10) / Math.log(2) / 8, "the magnitude's bytes count");
    assertTrue(Footprint.of(new java.math.BigDecimal(huge, 3)) > Footprint.of(huge));
    assertTrue(Footprint.of(1L) < 32);
  }

  @Test
  void anEntryKeyedByItsValuesOwnIdCountsTheIdOnce() {
    Thing thing = new Thing("0123456789abcdef01234567", "a room");
    assertEquals(Footprint.MAP_ENTRY + Footprint.of(thing), Footprint.ofEntry(thing.id(), thing));
    assertEquals(Footprint.MAP_ENTRY + Footprint.of("another key") + Footprint.of(thing),
        Footprint.ofEntry("another key", thing));
  }

  @Test
  void theSharedEmptyCollectionsCountNothingAndAnEmptyMapOfOneselfDoes() {
    assertEquals(0, Footprint.of(Map.of()));
    assertEquals(0, Footprint.of(Map.copyOf(new HashMap<>())));
    assertEquals(0, Footprint.of(List.of()));
    assertTrue(Footprint.of(new HashMap<>()) > 0);
  }

  @Test
  void aMapWeighsNothingAgainOnceItsEntriesAreGoneWhicheverEqualKeyRemovesThem() {
    AtomicLong meter = new AtomicLong();
    MeteredMap<String, Thing> things = MeteredMap.linked(meter::addAndGet);
    Thing thing = new Thing("0123456789abcdef01234567", "a room");
    things.put(thing.id(), thing);
    long one = meter.get();
    things.put(thing.id(), new Thing(thing.id(), "a room with a longer name"));
    assertTrue(meter.get() > one, "a heavier value weighs more");
    things.remove(new String(thing.id().toCharArray()));   // equal, not the stored instance
    assertEquals(0, meter.get());
  }

  @Test
  void anIndexCountsItsKeysButNotTheIdsItPointsTo() {
    AtomicLong meter = new AtomicLong();
    MeteredMap<String, String> byAlias = MeteredMap.index(meter::addAndGet);
    byAlias.put("alias", "0123456789abcdef01234567");
    assertEquals(Footprint.HASHED_ENTRY + Footprint.of("alias"), meter.get());
    byAlias.put("alias", "a".repeat(1_000));
    assertEquals(Footprint.HASHED_ENTRY + Footprint.of("alias"), meter.get());
    byAlias.entrySet().removeIf(e -> true);
    assertEquals(0, meter.get());
  }

  @Test
  void anIndexByTheThingsOwnKeyCountsItsEntriesOnly() {
    AtomicLong meter = new AtomicLong();
    MeteredMap<String, String> byAlias = MeteredMap.ownKeyIndex(meter::addAndGet);
    byAlias.put("a".repeat(1_000), "0123456789abcdef01234567");
    assertEquals(Footprint.HASHED_ENTRY, meter.get());
    byAlias.remove("a".repeat(1_000));
    assertEquals(0, meter.get());
  }

  @Test
  void removingThroughTheKeysOrTheValuesTellsTheMeterToo() {
    AtomicLong meter = new AtomicLong();
    MeteredMap<String, Thing> things = MeteredMap.linked(meter::addAndGet);
    for (String id : List.of("a", "b", "c")) {
      things.put(id, new Thing(id, "room " + id));
    }
    assertTrue(things.values().removeIf(t -> t.id().equals("a")));
    assertTrue(things.keySet().remove("b"));
    assertEquals(List.of("c"), List.copyOf(things.keySet()));
    things.clear();
    assertEquals(0, meter.get());
    assertTrue(things.isEmpty());
  }
}
