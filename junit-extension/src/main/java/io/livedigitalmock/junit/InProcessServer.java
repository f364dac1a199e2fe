package io.livedigitalmock.junit;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantSpec;
import io.livedigitalmock.server.domain.common.WireName;
import io.livedigitalmock.server.domain.rooms.Plan;

/** The mock in this JVM: tenants are made and reset by calling the domain directly (microseconds). */
final class InProcessServer implements SharedServer {

  private final MockServer server;
  private final JsonHttp http;

  private InProcessServer(MockServer server) {
    this.server = server;
    this.http = new JsonHttp(server.baseUrl(), server.config().controlPlane().token());
  }

  /** With a random control token: no other process on the machine, nor a web page, can drive it. */
  static InProcessServer start(ServerKey key) {
    return new InProcessServer(MockServer.start(MockConfig.defaults()
        .withPort(key.port())
        .withWebhookRetryInterval(key.webhookRetryInterval())
        .withControlToken(JsonHttp.newControlToken())));
  }

  MockServer server() {
    return server;
  }

  @Override
  public Mode mode() {
    return Mode.IN_PROCESS;
  }

  @Override
  public JsonHttp http() {
    return http;
  }

  @Override
  public TenantRef createTenant(String plan) {
    Tenant t = server.tenants().create(new TenantSpec(null, null, null, null, null,
        WireName.parse(Plan.class, "plan", plan)));
    TenantSpec spec = t.spec();
    String clientId = t.clientId();
    // looked up at each reset: a restored state (Livedigital.restore) replaces the tenant objects
    return new TenantRef(clientId, spec.clientSecret(), t.clientObjectId(), spec.plan().wire(),
        t.user().id(), spec.userEmail(), spec.userPassword(), spec.userName(),
        () -> server.tenants().byClientId(clientId).reset());
  }

  @Override
  public void close() {
    server.close();
  }
}
