package io.livedigitalmock.pact.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.livedigitalmock.pact.LivedigitalStates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's "Contracts (Pact)" section says what the pacts and the state handlers really are. */
class ReadmePactSectionIT {

  private static final Path README = Path.of("..", "README.md");

  @Test
  void theStateTableListsEveryStateAndMarksTheMockOnlyOnes() throws IOException {
    Set<String> listed = new TreeSet<>();
    Set<String> marked = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `([^`]+)`( ¹)? \\|").matcher(section());
    while (row.find()) {
      if (row.group(1).endsWith(".json")) {
        continue;   // the pact table
      }
      listed.add(row.group(1));
      if (row.group(2) != null) {
        marked.add(row.group(1));
      }
    }
    assertEquals(LivedigitalStates.names(), listed);
    assertEquals(LivedigitalStates.controlPlaneStates(), marked);
  }

  @Test
  void thePactTableCountsTheInteractions() throws IOException {
    Map<String, Integer> told = new TreeMap<>();
    Matcher row = Pattern.compile("(?m)^\\| `([^`]+\\.json)` \\|[^|]+\\| (\\d+) \\|").matcher(section());
    while (row.find()) {
      told.put(row.group(1), Integer.parseInt(row.group(2)));
    }
    Map<String, Integer> actual = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("pacts"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        actual.put(p.getFileName().toString(), new ObjectMapper().readTree(p.toFile()).path("interactions").size());
      }
    }
    assertEquals(actual, told);
  }

  private static String section() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("## Contracts (Pact)");
    return readme.substring(start, readme.indexOf("\n## ", start + 1));
  }
}
