package io.livedigitalmock.pact.provider;

import io.livedigitalmock.pact.LivedigitalStates;
import io.livedigitalmock.pact.RealApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The live host a verification runs against, from {@link RealApi}'s settings: JUnit configuration
 * parameters or system properties of the same names, else the environment. Without a base URL every
 * interaction is skipped, saying what to set. It also keeps the list of interactions left out because their
 * states need the mock's control plane: printed and written to {@value #REPORT_SETTING} (default
 * {@value #DEFAULT_REPORT}) when the class ends.
 */
final class RealApiTarget implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  static final String REPORT_SETTING = "livedigital.reportFile";
  static final String DEFAULT_REPORT = "target/pact-real-api/control-plane-interactions.txt";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealApiTarget.class);

  static final String NOT_CONFIGURED = RealApi.BASE_URL + " is not set: the verification against the real "
      + "livedigital API is skipped. To run it set " + RealApi.BASE_URL + ", " + RealApi.CLIENT_ID + ", "
      + RealApi.CLIENT_SECRET + ", " + RealApi.USER_EMAIL + " and " + RealApi.USER_PASSWORD
      + " (environment, or -D / JUnit configuration parameters of those names)";

  /** The run's host (null when none is configured) and what it left out. */
  static final class Run {
    final RealApi api;
    final Path report;
    final List<String> leftOut = new ArrayList<>();

    Run(RealApi api, Path report) {
      this.api = api;
      this.report = report;
    }

    /** Skips the calling test, saying what to set, when no host is configured. */
    void requireHost() {
      Assumptions.assumeTrue(api != null, NOT_CONFIGURED);
    }

    /** The states of {@code states} that need the control plane; if any, the interaction is left out and listed. */
    synchronized Set<String> leaveOutIfControlPlane(String consumer, String description, List<String> states) {
      Set<String> needing = new TreeSet<>(states);
      needing.retainAll(LivedigitalStates.controlPlaneStates());
      if (!needing.isEmpty()) {
        leftOut.add(consumer + " | " + description + " | needs: " + String.join(", ", needing));
      }
      return needing;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Optional<RealApi> api = RealApi.from(name -> setting(context, name));
    String report = Optional.ofNullable(setting(context, REPORT_SETTING)).orElse(DEFAULT_REPORT);
    context.getStore(NAMESPACE).put(Run.class, new Run(api.orElse(null), Path.of(report)));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Run run = context.getStore(NAMESPACE).get(Run.class, Run.class);
    if (run == null || run.api == null) {
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add("# Interactions not verified against " + run.api.baseUrl() + ": their provider states need the "
        + "mock's control plane");
    lines.add("# consumer | interaction | states");
    lines.addAll(run.leftOut);
    lines.forEach(System.out::println);
    try {
      Files.createDirectories(run.report.toAbsolutePath().getParent());
      Files.write(run.report, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Run.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).get(Run.class, Run.class);
  }

  private static String setting(ExtensionContext context, String name) {
    return context.getConfigurationParameter(name).orElseGet(() -> System.getenv(name));
  }
}
