package io.livedigitalmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a livedigital mock: the server is started once per test run (shared by
 * every class with the same {@link #mode}, {@link #port}, {@link #webhookRetryIntervalSeconds} and
 * {@link #image}; stopped at the end of the run), and the class gets a tenant of its own (client
 * credentials and a user), so classes running in parallel never see each other's data. Each test
 * starts from that tenant's initial state (plus {@link #seedData}). Inject a {@link Livedigital} as a
 * parameter (test, lifecycle or constructor) or into a field of that type (static or instance).
 *
 * <p>The defaults below are the only statement of the extension's defaults; the
 * {@link LivedigitalMockExtension#builder() builder} starts from them too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LivedigitalMockExtension.class)
public @interface LivedigitalMock {

  /** In this JVM, or in a container of {@link #image}. */
  Mode mode() default Mode.IN_PROCESS;

  /** Port on 127.0.0.1 (in-process) or host port published for the container; 0 picks a free one. */
  int port() default 0;

  /** Plan of the spaces the tenant creates: {@code free}, {@code basic} (webhooks) or {@code pro} (webhooks and statistics). */
  String plan() default "pro";

  /**
   * A new tenant for every test method instead of one per class (reset between methods). Needed
   * when the methods of one class run concurrently. Static fields and {@code @BeforeAll} parameters
   * are then not available.
   */
  boolean tenantPerMethod() default false;

  /**
   * A classpath resource (JSON: {@code users}, {@code spaces} with {@code rooms}) created through the
   * public API for every new tenant and again after each reset; the created ids are available from
   * {@link Livedigital#seeded()} by name. Empty: none.
   */
  String seedData() default "";

  /** Seconds between webhook delivery attempts (3 attempts in all); fractions allowed. */
  double webhookRetryIntervalSeconds() default 1.0;

  /**
   * A fault scenario (YAML or JSON) loaded into the tenant before every test, after the seed data: a
   * classpath resource ({@code scenarios/school-outage.yaml}) or a shipped one's name
   * ({@code token-endpoint-outage}). Empty: none.
   */
  String scenario() default "";

  /**
   * Fails a test, after it ran, if the tenant's request journal shows that the application called a
   * route the mock does not know, or got a 5xx that no fault rule caused; the message lists them.
   */
  boolean failOnUnmatchedRequests() default false;

  /**
   * Image for {@link Mode#CONTAINER}; ignored in-process. Empty: {@code -Dlivedigital.mock.image} if
   * set, else the image of this library's version, {@code livedigital-mock:<version>}, as
   * {@code docker/build-image.sh} tags it.
   */
  String image() default "";
}
