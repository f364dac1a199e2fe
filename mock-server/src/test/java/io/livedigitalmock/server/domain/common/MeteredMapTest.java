package io.livedigitalmock.server.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A count kept beside a map (who is in each room) stays true whichever way the map's values change. */
class MeteredMapTest {

  @Test
  void changesHearEveryValueComeReplacedAndGoneWhicheverWayItHappened() {
    List<String> heard = new ArrayList<>();
    Map<String, String> map = MeteredMap.linked(bytes -> { }, (old, now) -> heard.add(old + ">" + now));

    map.put("a", "1");
    map.put("a", "2");
    map.put("b", "3");
    map.replaceAll((k, v) -> v + "!");
    map.merge("b", "x", (old, given) -> null);
    map.values().removeIf(v -> v.startsWith("2"));
    map.put("c", "4");
    map.entrySet().iterator().next().setValue("5");
    map.clear();

    assertEquals(List.of("null>1", "1>2", "null>3", "2>2!", "3>3!", "3!>null", "2!>null", "null>4", "4>5",
        "5>null"), heard);
  }
}
