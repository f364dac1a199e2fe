package io.livedigitalmock.testcontainers;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.livedigitalmock.server.Version;
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
 *
 * <p>Webhook URLs naming {@code localhost} (an app's endpoint on this machine, as tests run them) are
 * delivered to this machine, not to the container: to {@code host.docker.internal} (Docker Desktop
 * routes it to the loopback), and on a Linux engine through a relay on the Docker bridge that forwards
 * to the loopback ({@link #withWebhooksToHostLoopback}).
 */
public class LivedigitalMockContainer extends GenericContainer<LivedigitalMockContainer> {

  private static final System.Logger LOG = System.getLogger(LivedigitalMockContainer.class.getName());
  public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse(Version.IMAGE_NAME);
  /** The tag built from this library's version ({@code docker/build-image.sh} tags the image with it). */
  public static final String DEFAULT_TAG = Version.current();
  /** The name the container reaches this machine by ({@code --add-host ...:host-gateway}). */
  public static final String HOST_ALIAS = "host.docker.internal";
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
  private boolean webhooksToHostLoopback = true;
  private HostRelay relay;

  /**
   * The image of this library's version, {@code livedigital-mock:}{@link #DEFAULT_TAG}, or the one
   * {@code -Dlivedigital.mock.image} names.
   */
  public LivedigitalMockContainer() {
    this(DockerImageName.parse(System.getProperty("livedigital.mock.image", "").isBlank()
        ? DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG).asCanonicalNameString()
        : System.getProperty("livedigital.mock.image").trim()).asCompatibleSubstituteFor(DEFAULT_IMAGE_NAME));
  }

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
    configureHostLoopback();
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

  /**
   * Webhooks to localhost: the mock sends them to {@code host.docker.internal} ({@code --add-host
   * host.docker.internal:host-gateway}); where that gateway does not reach this machine's loopback
   * (a Linux engine), through a relay listening on the gateway's address only.
   */
  private void configureHostLoopback() {
    if (!webhooksToHostLoopback) {
      withEnv("LDMOCK_HOST_LOOPBACK_ALIAS", "off");
      return;
    }
    withExtraHost(HOST_ALIAS, "host-gateway");
    withEnv("LDMOCK_HOST_LOOPBACK_ALIAS", HOST_ALIAS);
    closeRelay();
    String gateway = HostGateway.relayAddress();
    if (gateway != null) {
      try {
        relay = HostRelay.start(gateway);
        withEnv("LDMOCK_HOST_RELAY", relay.url(HOST_ALIAS));
      } catch (IllegalStateException e) {
        LOG.log(System.Logger.Level.WARNING, "webhooks to localhost may not reach this machine from the container: "
            + e.getMessage());
      }
    }
  }

  /** Stops the container, and the host relay if it runs one. */
  @Override
  public void stop() {
    try {
      super.stop();
    } finally {
      closeRelay();
    }
  }

  private void closeRelay() {
    if (relay != null) {
      relay.close();
      relay = null;
    }
  }

  /**
   * Whether webhook URLs naming {@code localhost}, {@code 127.0.0.1} or {@code [::1]} are delivered to
   * this machine's loopback (default) or, with {@code false}, to the container's own (sets
   * {@code LDMOCK_HOST_LOOPBACK_ALIAS=off}; no relay).
   */
  public LivedigitalMockContainer withWebhooksToHostLoopback(boolean enabled) {
    this.webhooksToHostLoopback = enabled;
    return self();
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
