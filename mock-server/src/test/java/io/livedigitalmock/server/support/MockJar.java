package io.livedigitalmock.server.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code java [jvmOptions] -jar livedigital-mock-server.jar [args]}) in a process of
 * its own, as a user starts it; its stdout read line by line on a thread of its own. Closing stops it.
 */
public final class MockJar implements AutoCloseable {

  public static final long LINE_TIMEOUT_SECONDS = 60;

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private MockJar(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> pump(process.getInputStream()), "mock-jar-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  public static MockJar start(List<String> args, Map<String, String> env) throws IOException {
    return start(List.of(), args, env);
  }

  public static MockJar start(List<String> jvmOptions, List<String> args, Map<String, String> env) throws IOException {
    Path jar = Path.of(System.getProperty("livedigital.mock.jar", "target/livedigital-mock-server.jar"));
    assertTrue(Files.isRegularFile(jar), "no jar at " + jar.toAbsolutePath() + "; run `mvn package` first");
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("LDMOCK_"));
    builder.environment().putAll(env);
    return new MockJar(builder.start());
  }

  public Process process() {
    return process;
  }

  /** The next line the jar printed; fails the test if none comes in time. */
  public String nextLine() throws InterruptedException {
    String line = lines.poll(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(line, "no line from the jar within " + LINE_TIMEOUT_SECONDS + " s");
    return line;
  }

  private void pump(InputStream out) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process ended; nextLine() reports the missing line
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
