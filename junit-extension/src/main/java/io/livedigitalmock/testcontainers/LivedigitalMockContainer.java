package io.livedigitalmock.testcontainers;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The livedigital mock server image as a Testcontainers container. Its base URL serves both the
 * emulated {@code /v1} API and the {@code /_mock} control plane; the demo tenant's credentials come
 * from the getters. Generated room and record links name the address a request reached the mock at
 * (the published host port), unless {@link #withRoomBaseUrl} is set.
 */
public class LivedigitalMockContainer extends GenericContainer<LivedigitalMockContainer> {

  public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("livedigital-mock");
  public static final String DEFAULT_TAG = "0.1.0";
  public static final int PORT = 8080;
  public static final String HEALTH_PATH = "/_mock/health";
  /** Where {@link #withScenario} puts a scenario file in the container. */
  public static final String SCENARIO_PATH = "/tmp/livedigital-mock-scenario.yaml";

  private String clientId = "demo-client";
  private String clientSecret = "demo-secret";
  private String userEmail = "demo@example.com";
  private String userPassword = "demo-password";
  private Long seed;
  private String plan;
  private Duration webhookRetryInterval;
  private String roomBaseUrl;
  private String controlToken;
  private String scenario;
  private String hostIp;
  private int hostPort;

  public LivedigitalMockContainer(String dockerImageName) {
    this(DockerImageName.parse(dockerImageName));
  }

  public LivedigitalMockContainer(DockerImageName dockerImageName) {
    super(dockerImageName);
    dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
    withExposedPorts(PORT);
    waitingFor(Wait.forHttp(HEALTH_PATH).forPort(PORT).forStatusCode(200)
        .withStartupTimeout(Duration.ofSeconds(60)));
  }

  @Override
  protected void configure() {
    withEnv("LDMOCK_CLIENT_ID", clientId);
    withEnv("LDMOCK_CLIENT_SECRET", clientSecret);
    withEnv("LDMOCK_USER_EMAIL", userEmail);
    withEnv("LDMOCK_USER_PASSWORD", userPassword);
    if (seed != null) {
      withEnv("LDMOCK_SEED", Long.toString(seed));
    }
    if (plan != null) {
      withEnv("LDMOCK_PLAN", plan);
    }
    if (webhookRetryInterval != null) {
      withEnv("LDMOCK_WEBHOOK_RETRY_INTERVAL", String.format(Locale.ROOT, "%.3f",
          webhookRetryInterval.toMillis() / 1000.0));
    }
    if (roomBaseUrl != null) {
      withEnv("LDMOCK_ROOM_BASE_URL", roomBaseUrl);
    }
    if (controlToken != null) {
      withEnv("LDMOCK_CONTROL_TOKEN", controlToken);
    }
    if (!getEnvMap().containsKey("LDMOCK_ALLOWED_HOSTS")) {
      // the control plane answers loopback names only; the names this container is reached by, too
      java.util.List<String> hosts = new java.util.ArrayList<>(getNetworkAliases());
      hosts.add(getHost());
      withEnv("LDMOCK_ALLOWED_HOSTS", String.join(",", hosts));
    }
    if (scenario != null) {
      MountableFile file = scenarioFile(scenario);
      if (file != null) {
        withCopyToContainer(file, SCENARIO_PATH);
      }
      withEnv("LDMOCK_SCENARIO", file != null ? SCENARIO_PATH : scenario);
    }
    if (hostIp != null) {
      Ports.Binding binding = hostPort == 0 ? Ports.Binding.bindIp(hostIp)
          : Ports.Binding.bindIpAndPort(hostIp, hostPort);
      withCreateContainerCmdModifier(cmd -> {
        HostConfig config = cmd.getHostConfig() != null ? cmd.getHostConfig() : HostConfig.newHostConfig();
        cmd.withHostConfig(config.withPublishAllPorts(false)
            .withPortBindings(new PortBinding(binding, ExposedPort.tcp(PORT))));
      });
    }
  }

  /** {@code http://<host>:<mapped port>}: the API is under {@code /v1}, the control plane under {@code /_mock}. */
  public String getBaseUrl() {
    return "http://" + getHost() + ":" + getMappedPort(PORT);
  }

  public String getDemoClientId() {
    return clientId;
  }

  public String getDemoClientSecret() {
    return clientSecret;
  }

  /** The demo user's email: the password grant's {@code username}. */
  public String getDemoUserEmail() {
    return userEmail;
  }

  public String getDemoUserPassword() {
    return userPassword;
  }

  /** Same seed, same ids, aliases and secrets. */
  public LivedigitalMockContainer withSeed(long seed) {
    this.seed = seed;
    return self();
  }

  /** Plan of new spaces: {@code free}, {@code basic} or {@code pro}. */
  public LivedigitalMockContainer withPlan(String plan) {
    this.plan = plan;
    return self();
  }

  public LivedigitalMockContainer withWebhookRetryInterval(Duration interval) {
    this.webhookRetryInterval = interval;
    return self();
  }

  public LivedigitalMockContainer withDemoClient(String clientId, String clientSecret) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    return self();
  }

  public LivedigitalMockContainer withDemoUser(String email, String password) {
    this.userEmail = email;
    this.userPassword = password;
    return self();
  }

  /**
   * The token the control plane ({@code /_mock}, health aside) then requires, as
   * {@code Authorization: Bearer <token>} ({@code LDMOCK_CONTROL_TOKEN}).
   */
  public LivedigitalMockContainer withControlToken(String token) {
    this.controlToken = token;
    return self();
  }

  /** The control token set with {@link #withControlToken}, or null. */
  public String getControlToken() {
    return controlToken;
  }

  /** Base of generated room links, e.g. {@code https://edu.livedigital.space}. */
  public LivedigitalMockContainer withRoomBaseUrl(String roomBaseUrl) {
    this.roomBaseUrl = roomBaseUrl;
    return self();
  }

  /**
   * A fault scenario loaded at start into the demo tenant (or the tenant the file names): a file on
   * this host, a classpath resource (either is copied into the container), or the name of one the
   * image ships ({@code token-endpoint-outage}, {@code rate-limiting}, {@code flaky-webhook-receiver},
   * {@code recording-failure-mid-call}). A bad file makes the container fail to start, its log naming
   * the line and field. Sets {@code LDMOCK_SCENARIO}.
   */
  public LivedigitalMockContainer withScenario(String classpathOrHostPath) {
    this.scenario = classpathOrHostPath;
    return self();
  }

  private static MountableFile scenarioFile(String scenario) {
    if (Files.isRegularFile(Path.of(scenario))) {
      return MountableFile.forHostPath(scenario, 0644);
    }
    String resource = scenario.startsWith("classpath:") ? scenario.substring("classpath:".length()) : scenario;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader != null && loader.getResource(resource) != null) {
      return MountableFile.forClasspathResource(resource, 0644);
    }
    return null;
  }

  /**
   * Publishes the port on one host address only (e.g. {@code 127.0.0.1}), on {@code hostPort} or, with 0,
   * on a free one.
   */
  public LivedigitalMockContainer withHostPortBinding(String hostIp, int hostPort) {
    this.hostIp = hostIp;
    this.hostPort = hostPort;
    return self();
  }
}
