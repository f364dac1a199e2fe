package io.livedigitalmock.pact.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pacts under {@code pacts/} (committed, what the verifications read and people review) are the
 * ones the consumer tests just wrote to {@code target/pacts}. {@code -Dpacts.update=true} copies the
 * fresh ones over instead.
 */
class CommittedPactsIT {

  private static final Path COMMITTED = Path.of("pacts");
  private static final Path FRESH = Path.of(System.getProperty("pact.rootDir", "target/pacts"));
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theCommittedPactsAreTheOnesTheConsumerTestsWrite() throws IOException {
    List<Path> fresh = pacts(FRESH);
    assertTrue(fresh.size() >= 3, "the consumer tests (mvn test) write the pacts to " + FRESH + "; found " + fresh);
    if (Boolean.getBoolean("pacts.update")) {
      try (Stream<Path> old = Files.list(COMMITTED)) {
        for (Path p : old.filter(p -> p.toString().endsWith(".json")).toList()) {
          Files.delete(p);
        }
      }
      for (Path p : fresh) {
        Files.copy(p, COMMITTED.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    assertEquals(names(fresh), names(pacts(COMMITTED)), "pact files in " + COMMITTED.toAbsolutePath());
    for (Path p : fresh) {
      assertEquals(JSON.readTree(p.toFile()), JSON.readTree(COMMITTED.resolve(p.getFileName()).toFile()),
          COMMITTED.resolve(p.getFileName()) + " is not what the consumer tests write: update it with "
              + "mvn -pl contracts -am verify -Dpacts.update=true (and review the diff)");
    }
  }

  private static List<Path> pacts(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static List<String> names(List<Path> paths) {
    return paths.stream().map(p -> p.getFileName().toString()).toList();
  }
}
