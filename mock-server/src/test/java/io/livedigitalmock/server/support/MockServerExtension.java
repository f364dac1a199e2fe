package io.livedigitalmock.server.support;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link MockServer} per test class, on a free loopback port with a fixed seed, closed after the
 * class. A test method asks for a {@link TestTenant} parameter to get a tenant of its own (made fresh
 * through {@code POST /_mock/tenants}), or for the {@link MockServer} itself.
 */
public final class MockServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  public static final long SEED = 42;

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MockServerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    store(context).put(MockServer.class, MockServer.start(MockConfig.defaults().withPort(0).withSeed(SEED)));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    MockServer server = store(context).remove(MockServer.class, MockServer.class);
    if (server != null) {
      server.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestTenant.class || type == MockServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MockServer server = store(context).get(MockServer.class, MockServer.class);
    return parameter.getParameter().getType() == MockServer.class ? server : TestTenant.create(server.baseUrl());
  }

  /** Method contexts see what the class context stored: a store looks up through its parents. */
  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(NAMESPACE);
  }
}
