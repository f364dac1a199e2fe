package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

@LivedigitalMock(tenantPerMethod = true)
class TenantPerMethodTest {

  private static final Set<String> clientIds = ConcurrentHashMap.newKeySet();
  private final Livedigital fromConstructor;
  Livedigital field;
  private Livedigital fromBeforeEach;

  TenantPerMethodTest(Livedigital mock) {
    this.fromConstructor = mock;
  }

  @BeforeEach
  void setUp(Livedigital mock) {
    fromBeforeEach = mock;
    mock.seed().createSpace("mine");
  }

  @RepeatedTest(3)
  void everyMethodHasATenantOfItsOwn(Livedigital mock) {
    assertSame(fromConstructor, mock);
    assertSame(fromBeforeEach, mock);
    assertSame(field, mock);
    assertEquals(1, ResetBetweenTestsTest.spaces(mock, mock.userToken()).size());
    clientIds.add(mock.clientId());
  }

  @AfterAll
  static void threeTestsThreeTenants() {
    assertEquals(3, clientIds.size(), clientIds.toString());
  }

  @Test
  void aStaticFieldOrBeforeAllParameterIsAConfigurationError() {
    var results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(StaticField.class), selectClass(BeforeAllParameter.class))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
        .execute();
    List<Throwable> failures = results.allEvents().failed().stream()
        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
            .getThrowable().orElseThrow())
        .toList();
    assertEquals(2, failures.size(), failures.toString());
    failures.forEach(f -> assertNotEquals(-1, f.getMessage().indexOf("tenantPerMethod"), f.getMessage()));
  }

  @LivedigitalMock(tenantPerMethod = true)
  static class StaticField {
    static Livedigital mock;

    @Test
    void test() {
    }
  }

  @LivedigitalMock(tenantPerMethod = true)
  static class BeforeAllParameter {
    @BeforeAll
    static void setUp(Livedigital mock) {
    }

    @Test
    void test() {
    }
  }
}
