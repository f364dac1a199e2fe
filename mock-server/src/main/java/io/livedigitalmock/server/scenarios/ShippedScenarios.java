package io.livedigitalmock.server.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The ready scenarios for the usual disasters, shipped in the server jar under {@code scenarios/}
 * (so the image has them too), and how a scenario is named: a file path, {@code classpath:<resource>},
 * or the name of a shipped one.
 */
public final class ShippedScenarios {

  /** Each documented in the README's "Scripted failures", with what an app that survives it proves. */
  public static final List<String> NAMES = List.of("token-endpoint-outage", "rate-limiting",
      "flaky-webhook-receiver", "recording-failure-mid-call");

  private ShippedScenarios() {
  }

  /** The text of a shipped scenario, by name ({@code token-endpoint-outage}, with or without {@code .yaml}). */
  public static Optional<String> text(String name) {
    String bare = name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    return NAMES.contains(bare) ? resource("scenarios/" + bare + ".yaml") : Optional.empty();
  }

  /**
   * The text a reference names: an existing file, {@code classpath:<resource>} (a shipped name also
   * works there), or a shipped scenario's name.
   *
   * @throws IllegalArgumentException naming what was looked for
   */
  public static String read(String reference) {
    Path file = Path.of(reference);
    if (!reference.startsWith("classpath:") && Files.isRegularFile(file)) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + reference + ": " + e.getMessage());
      }
    }
    String name = reference.startsWith("classpath:") ? reference.substring("classpath:".length()) : reference;
    return text(name).or(() -> reference.startsWith("classpath:") ? resource(name) : Optional.empty())
        .orElseThrow(() -> new IllegalArgumentException("no scenario " + reference + ": not a file, a classpath "
            + "resource, or one of the shipped ones (" + String.join(", ", NAMES) + ")"));
  }

  private static Optional<String> resource(String path) {
    String clean = path.startsWith("/") ? path.substring(1) : path;
    try (InputStream in = ShippedScenarios.class.getClassLoader().getResourceAsStream(clean)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
