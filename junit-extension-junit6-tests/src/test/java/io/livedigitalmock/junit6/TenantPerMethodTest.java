package io.livedigitalmock.junit6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.livedigitalmock.junit.Livedigital;
import io.livedigitalmock.junit.LivedigitalMock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;

@LivedigitalMock(tenantPerMethod = true)
class TenantPerMethodTest {

  private static final Set<String> CLIENTS = ConcurrentHashMap.newKeySet();
  Livedigital mock;

  @RepeatedTest(3)
  void aTenantPerMethod(Livedigital parameter) {
    assertSame(mock, parameter);
    CLIENTS.add(parameter.clientId());
  }

  @AfterAll
  static void threeTenants() {
    assertEquals(3, CLIENTS.size());
  }
}
