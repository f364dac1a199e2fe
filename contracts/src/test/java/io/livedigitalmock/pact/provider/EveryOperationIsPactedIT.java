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
import java.util.Set;
import java.util.TreeSet;
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
}
