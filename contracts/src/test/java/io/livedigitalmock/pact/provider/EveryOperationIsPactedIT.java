package io.livedigitalmock.pact.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livedigitalmock.pact.LivedigitalStates;
import io.livedigitalmock.server.http.ApiOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed pacts cover the whole API: every {@code /v1} operation of {@link ApiOperation}, every
 * webhook event, and only states of the documented vocabulary.
 */
class EveryOperationIsPactedIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyOperationHasAnInteraction() throws IOException {
    Set<String> pacted = new TreeSet<>();
    for (JsonNode i : interactions("livedigital-api")) {
      JsonNode request = i.path("request");
      ApiOperation.match(request.path("method").asText(), request.path("path").asText())
          .ifPresent(op -> pacted.add(op.signature()));
    }
    Set<String> all = new TreeSet<>();
    for (ApiOperation op : ApiOperation.values()) {
      all.add(op.signature());
    }
    assertEquals(all, pacted, "operations without an interaction: " + minus(all, pacted));
  }

  @Test
  void everyWebhookEventHasAMessage() throws IOException {
    Set<String> messages = new TreeSet<>();
    interactions("livedigital-webhooks").forEach(i -> messages.add(i.path("description").asText()));
    Set<String> events = new TreeSet<>();
    for (String e : new String[] {"call_started", "call_finished", "record_started", "record_finished",
        "record_aborted", "record_failed"}) {
      events.add("a " + e + " event");
    }
    assertEquals(events, messages);
  }

  @Test
  void everyStateIsOfTheVocabulary() throws IOException {
    Set<String> used = new TreeSet<>();
    for (String provider : new String[] {"livedigital-api", "livedigital-webhooks"}) {
      interactions(provider).forEach(i -> i.path("providerStates").forEach(s -> used.add(s.path("name").asText())));
    }
    assertEquals(Set.of(), minus(used, LivedigitalStates.names()), "states no handler knows");
  }

  private static List<JsonNode> interactions(String provider) throws IOException {
    List<JsonNode> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("pacts"))) {
      for (Path p : files.filter(f -> f.toString().endsWith("-" + provider + ".json")).toList()) {
        JSON.readTree(p.toFile()).path("interactions").forEach(all::add);
      }
    }
    return all;
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> rest = new TreeSet<>(a);
    rest.removeAll(b);
    return rest;
  }

  /** {@code pacts/ledger-pins.md} names only interactions that exist, and says something of every ledger entry. */
  @Test
  void theLedgerPinsAreTrue() throws IOException {
    String pins = Files.readString(Path.of("pacts", "ledger-pins.md"));
    Set<String> descriptions = new TreeSet<>();
    for (String provider : new String[] {"livedigital-api", "livedigital-webhooks"}) {
      interactions(provider).forEach(i -> descriptions.add(i.path("description").asText()));
    }
    Set<String> named = new TreeSet<>();
    Matcher quoted = Pattern.compile("\"([^\"]+)\"").matcher(pins);
    while (quoted.find()) {
      named.add(quoted.group(1));
    }
    assertEquals(Set.of(), minus(named, descriptions), "ledger-pins.md names interactions no pact has");
    Set<String> entries = new TreeSet<>();
    Matcher id = Pattern.compile("(?m)^\\| ([A-Z][0-9]+[a-z]?) \\|").matcher(Files.readString(Path.of("FIDELITY.md")));
    while (id.find()) {
      entries.add(id.group(1));
    }
    Set<String> mentioned = new TreeSet<>();
    Matcher word = Pattern.compile("\\b([A-Z][0-9]+[a-z]?)(?:-([A-Z])?([0-9]+))?\\b").matcher(pins);
    while (word.find()) {
      mentioned.add(word.group(1));
      if (word.group(3) != null) {
        String letter = word.group(1).substring(0, 1);
        for (int n = Integer.parseInt(word.group(1).substring(1).replaceAll("[a-z]", "")) + 1;
            n <= Integer.parseInt(word.group(3)); n++) {
          mentioned.add(letter + n);
        }
      }
    }
    assertEquals(Set.of(), minus(entries, mentioned), "ledger entries ledger-pins.md says nothing of");

    Map<String, String> pinned = new TreeMap<>();
    Matcher pin = Pattern.compile("(?m)^\\| ([A-Z][0-9]+[a-z]?) \\| (.*) \\|$").matcher(pins);
    while (pin.find()) {
      pinned.put(pin.group(1), pin.group(2));
    }
    Matcher row = Pattern.compile("(?m)^\\| ([A-Z][0-9]+[a-z]?) \\|.* \\| ([^|]*) \\|$")
        .matcher(Files.readString(Path.of("FIDELITY.md")));
    while (row.find()) {
      assertEquals(pinned.getOrDefault(row.group(1), "—"), row.group(2),
          "FIDELITY.md's Pinned by of " + row.group(1) + " differs from ledger-pins.md");
    }
  }
}
