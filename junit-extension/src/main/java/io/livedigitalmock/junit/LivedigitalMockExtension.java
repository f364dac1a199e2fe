package io.livedigitalmock.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestInstantiationAwareExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs tests against a livedigital mock. Declarative: annotate the class with {@link LivedigitalMock}.
 * Programmatic:
 *
 * <pre>{@code
 * @RegisterExtension
 * static LivedigitalMockExtension mock = LivedigitalMockExtension.builder().plan("basic").build();
 * }</pre>
 *
 * <p>Servers are shared by every class of the run that needs the same one (JUnit's root store; closed
 * when the run ends). Each class gets a tenant of its own ({@link LivedigitalMock#tenantPerMethod()}:
 * each method), and every test starts from that tenant's initial state: the tenant is reset before a
 * test if anything could have touched it since it was created or last reset (in-process by a direct
 * call, microseconds; in a container by {@code POST /_mock/tenants/{clientId}/reset}), and the seed
 * data is created again. So state made in {@code @BeforeAll} does not reach the tests: set up per-test
 * data in {@code @BeforeEach}, or in the seed data file.
 *
 * <p>{@link Livedigital} is injected into test, lifecycle and constructor parameters, and into every
 * non-final field of that type: static ones before {@code @BeforeAll}, instance ones before each
 * {@code @BeforeEach} (final fields are left to the test, e.g. set from a constructor parameter).
 *
 * <p>Subclasses may override the {@code on...} hooks; the callbacks themselves are final.
 */
public class LivedigitalMockExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback,
    AfterEachCallback, AfterAllCallback, ParameterResolver, TestInstantiationAwareExtension {

  private static final System.Logger LOG = System.getLogger(LivedigitalMockExtension.class.getName());
  private static final Namespace NAMESPACE = Namespace.create(LivedigitalMockExtension.class);
  private static final String CLASS_TENANT = "classTenant";
  private static final String METHOD_TENANT = "methodTenant";
  private static final String TEST_STARTED = "testStarted";

  private static final ClassValue<Settings> DECLARED = new ClassValue<>() {
    @Override
    protected Settings computeValue(Class<?> testClass) {
      for (Class<?> c = testClass; c != null; c = isInner(c) ? c.getEnclosingClass() : null) {
        var annotation = AnnotationSupport.findAnnotation(c, LivedigitalMock.class);
        if (annotation.isPresent()) {
          try {
            return Settings.of(annotation.get());
          } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@LivedigitalMock on " + c.getName() + ": " + e.getMessage());
          }
        }
      }
      return Settings.DEFAULTS;
    }
  };

  /** Null when declarative: the settings then come from the test class's annotation. */
  private final Settings configured;
  private volatile Livedigital current;

  /** Declarative use, through {@link LivedigitalMock} (or {@code @ExtendWith}: the annotation's defaults). */
  public LivedigitalMockExtension() {
    this(null);
  }

  private LivedigitalMockExtension(Settings configured) {
    this.configured = configured;
  }

  /** For {@code @RegisterExtension}; starts from the defaults of {@link LivedigitalMock}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The handle of the test running now (or of the class, in {@code @BeforeAll}), for programmatic use:
   * {@code mock.livedigital().simulate()...}. Injection is safer when methods run concurrently.
   *
   * @throws IllegalStateException outside a test
   */
  public Livedigital livedigital() {
    Livedigital handle = current;
    if (handle == null) {
      throw new IllegalStateException("no livedigital mock yet: the extension hands it out once a test class starts");
    }
    return handle;
  }

  // ---- callbacks --------------------------------------------------------------------------------

  /** Without Docker, a class in container mode is reported skipped, with the reason (unless it must run). */
  @Override
  public final ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isPresent() || context.getTestClass().isEmpty()) {
      return ConditionEvaluationResult.enabled("decided for the class");
    }
    String skipped = DockerCheck.skipReason(settings(context));
    return skipped == null ? ConditionEvaluationResult.enabled("runs here") : ConditionEvaluationResult.disabled(skipped);
  }

  @Override
  public final void beforeAll(ExtensionContext context) {
    Settings settings = settings(context);
    // without Docker: fails on CI; an extension registered too late for the condition above skips here
    DockerCheck.require(settings);
    Class<?> testClass = context.getRequiredTestClass();
    rejectDoubleRegistration(testClass);
    List<Field> statics = handleFields(testClass, true);
    if (settings.tenantPerMethod()) {
      if (!statics.isEmpty()) {
        throw new ExtensionConfigurationException("with tenantPerMethod = true there is a tenant per test method "
            + "only: make " + statics.get(0) + " an instance field");
      }
      return;
    }
    TenantScope scope = classScope(context, settings);
    if (!statics.isEmpty()) {
      scope.touched();
      statics.forEach(f -> inject(f, null, scope.handle));
    }
    current = scope.handle;
    onBeforeAll(scope.handle);
  }

  @Override
  public final void beforeEach(ExtensionContext context) {
    Livedigital handle = startTest(context);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      handleFields(instance.getClass(), false).forEach(f -> inject(f, instance, handle));
    }
    current = handle;
    onBeforeEach(handle);
  }

  @Override
  public final void afterEach(ExtensionContext context) {
    TenantScope scope = testScope(context);
    if (scope != null) {
      try {
        onAfterEach(scope.handle);
        if (settings(context).failOnUnmatchedRequests()) {
          failOnUnexplained(scope.handle);
        }
      } finally {
        scope.handle.endTest();
      }
    }
  }

  @Override
  public final void afterAll(ExtensionContext context) {
    TenantScope scope = context.getStore(NAMESPACE).get(CLASS_TENANT, TenantScope.class);
    current = null;
    if (scope != null) {
      onAfterAll(scope.handle);
    }
  }

  @Override
  public final boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == Livedigital.class;
  }

  @Override
  public final Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    if (context.getTestMethod().isPresent()) {
      return startTest(context);
    }
    Settings settings = settings(context);
    if (settings.tenantPerMethod()) {
      throw new ParameterResolutionException("with tenantPerMethod = true there is a tenant per test method only; "
          + "take Livedigital as a parameter of the test or of @BeforeEach, not of "
          + parameterContext.getDeclaringExecutable());
    }
    TenantScope scope = classScope(context, settings);
    scope.touched();
    return scope.handle;
  }

  /** Constructors get the test method's context, so with a tenant per method they can take the handle too. */
  @Override
  public final ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  private static void failOnUnexplained(Livedigital handle) {
    List<RecordedRequest> unexplained = handle.journal().unexplained();
    if (!unexplained.isEmpty()) {
      throw new AssertionError("failOnUnmatchedRequests: the application called routes the mock does not know, "
          + "or got 5xx answers no fault rule caused: " + unexplained);
    }
  }

  // ---- hooks for subclasses ----------------------------------------------------------------------

  /** After the class's tenant exists (not called with a tenant per method). */
  protected void onBeforeAll(Livedigital mock) {
  }

  /** After the test's tenant is in its initial state, before the test's {@code @BeforeEach} methods. */
  protected void onBeforeEach(Livedigital mock) {
  }

  /** After the test and its {@code @AfterEach} methods, before the test's receivers are deleted. */
  protected void onAfterEach(Livedigital mock) {
  }

  /** After the class's tests (not called with a tenant per method). */
  protected void onAfterAll(Livedigital mock) {
  }

  // ---- tenants -----------------------------------------------------------------------------------

  /** The tenant a test method uses, put into its initial state once per test. */
  private Livedigital startTest(ExtensionContext methodContext) {
    Store store = methodContext.getStore(NAMESPACE);
    TenantScope scope = testScope(methodContext);
    if (scope == null) {
      Settings settings = settings(methodContext);
      scope = store.getOrComputeIfAbsent(METHOD_TENANT, k -> new TenantScope(newHandle(methodContext, settings)),
          TenantScope.class);
    }
    TenantScope used = scope;
    store.getOrComputeIfAbsent(TEST_STARTED, k -> {
      if (!used.pristine.getAndSet(false)) {
        used.handle.restoreBaseline();
      }
      used.handle.beginTest();
      return Boolean.TRUE;
    }, Boolean.class);
    return scope.handle;
  }

  /** The tenant of a method's test: its own, or its class's; null if neither exists yet. */
  private TenantScope testScope(ExtensionContext context) {
    Store store = context.getStore(NAMESPACE);
    TenantScope own = store.get(METHOD_TENANT, TenantScope.class);
    if (own != null || settings(context).tenantPerMethod()) {
      return own;
    }
    return store.get(CLASS_TENANT, TenantScope.class);
  }

  /** The class's tenant (a @Nested class shares its enclosing class's), made on first use. */
  private TenantScope classScope(ExtensionContext classContext, Settings settings) {
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(CLASS_TENANT,
        k -> new TenantScope(newHandle(classContext, settings)), TenantScope.class);
  }

  private Livedigital newHandle(ExtensionContext context, Settings settings) {
    Store root = context.getRoot().getStore(NAMESPACE);
    ServerKey key = ServerKey.of(settings);
    SharedServer server = root.getOrComputeIfAbsent(key, k -> {
      long started = System.nanoTime();
      SharedServer s = SharedServer.start(k);
      LOG.log(System.Logger.Level.DEBUG, () -> "livedigital-mock " + k + " up at " + s.http().baseUrl() + " in "
          + (System.nanoTime() - started) / 1_000_000 + " ms");
      return s;
    }, SharedServer.class);
    SeedData seed = null;
    if (!settings.seedData().isEmpty()) {
      ClassLoader loader = context.getRequiredTestClass().getClassLoader();
      seed = root.getOrComputeIfAbsent("seed:" + settings.seedData(),
          k -> SeedData.load(settings.seedData(), loader), SeedData.class);
    }
    return Livedigital.create(server, settings.plan(), seed, settings.scenario().isEmpty() ? null : settings.scenario());
  }

  private Settings settings(ExtensionContext context) {
    return configured != null ? configured : DECLARED.get(context.getRequiredTestClass());
  }

  // ---- fields ------------------------------------------------------------------------------------

  /** Per class: its non-final Livedigital fields, static ones first; looked up once, not per test. */
  private static final ClassValue<List<List<Field>>> HANDLE_FIELDS = new ClassValue<>() {
    @Override
    protected List<List<Field>> computeValue(Class<?> type) {
      List<Field> all = ReflectionSupport.findFields(type, f -> f.getType() == Livedigital.class
          && !Modifier.isFinal(f.getModifiers()), HierarchyTraversalMode.TOP_DOWN);
      return List.of(all.stream().filter(f -> Modifier.isStatic(f.getModifiers())).toList(),
          all.stream().filter(f -> !Modifier.isStatic(f.getModifiers())).toList());
    }
  };

  private static List<Field> handleFields(Class<?> type, boolean statics) {
    return HANDLE_FIELDS.get(type).get(statics ? 0 : 1);
  }

  private static void inject(Field field, Object target, Livedigital handle) {
    try {
      field.setAccessible(true);
      field.set(target, handle);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ExtensionConfigurationException("cannot inject Livedigital into " + field + ": " + e, e);
    }
  }

  private void rejectDoubleRegistration(Class<?> testClass) {
    if (configured != null || AnnotationSupport.findAnnotation(testClass, LivedigitalMock.class).isEmpty()) {
      return;
    }
    List<Field> registered = ReflectionSupport.findFields(testClass,
        f -> LivedigitalMockExtension.class.isAssignableFrom(f.getType()) && f.isAnnotationPresent(RegisterExtension.class),
        HierarchyTraversalMode.TOP_DOWN);
    if (!registered.isEmpty()) {
      throw new ExtensionConfigurationException(testClass.getName() + " has both @LivedigitalMock and "
          + registered.get(0) + ": use one of them");
    }
  }

  private static boolean isInner(Class<?> c) {
    return c.isMemberClass() && !Modifier.isStatic(c.getModifiers());
  }

  /** A tenant and whether anyone could have changed it since it was created or reset. */
  private static final class TenantScope {

    final Livedigital handle;
    final AtomicBoolean pristine = new AtomicBoolean(true);

    TenantScope(Livedigital handle) {
      this.handle = handle;
    }

    void touched() {
      pristine.set(false);
    }
  }

  /** Settings for {@code @RegisterExtension}; each starts at the {@link LivedigitalMock} default. */
  public static final class Builder {

    private Mode mode = Settings.DEFAULTS.mode();
    private int port = Settings.DEFAULTS.port();
    private String plan = Settings.DEFAULTS.plan();
    private boolean tenantPerMethod = Settings.DEFAULTS.tenantPerMethod();
    private String seedData = Settings.DEFAULTS.seedData();
    private Duration webhookRetryInterval = Settings.DEFAULTS.webhookRetryInterval();
    private String image = Settings.DEFAULTS.image();
    private String scenario = Settings.DEFAULTS.scenario();
    private boolean failOnUnmatchedRequests = Settings.DEFAULTS.failOnUnmatchedRequests();

    private Builder() {
    }

    public Builder mode(Mode value) {
      this.mode = value;
      return this;
    }

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    public Builder plan(String value) {
      this.plan = value;
      return this;
    }

    public Builder tenantPerMethod(boolean value) {
      this.tenantPerMethod = value;
      return this;
    }

    public Builder seedData(String classpathResource) {
      this.seedData = classpathResource;
      return this;
    }

    public Builder webhookRetryInterval(Duration value) {
      this.webhookRetryInterval = value;
      return this;
    }

    public Builder image(String value) {
      this.image = value;
      return this;
    }

    /** A scenario loaded before every test: a classpath resource or a shipped one's name. */
    public Builder scenario(String classpathResourceOrName) {
      this.scenario = classpathResourceOrName;
      return this;
    }

    public Builder failOnUnmatchedRequests(boolean value) {
      this.failOnUnmatchedRequests = value;
      return this;
    }

    /** @throws IllegalArgumentException naming the setting that is out of range */
    public LivedigitalMockExtension build() {
      return new LivedigitalMockExtension(new Settings(mode, port, plan, tenantPerMethod, seedData,
          webhookRetryInterval, image, scenario, failOnUnmatchedRequests));
    }
  }
}
