package io.livedigitalmock.server.support;

import io.livedigitalmock.server.http.FaultInjection;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.LongAdder;

/**
 * Checks every answer the mock gives a test against the OpenAPI document of its path
 * ({@link OpenApiContract#forPath}): an answer the document does not describe fails the test that
 * got it. Counts what it checked, so a run can say how much of the document its tests exercised.
 */
public final class ContractCheck {

  private static final LongAdder API = new LongAdder();
  private static final LongAdder CONTROL = new LongAdder();
  private static final LongAdder FAILED = new LongAdder();

  private ContractCheck() {
  }

  /** Throws an {@link AssertionError} naming the operation, the status and the schema error. */
  public static void verify(String method, String path, int status, String contentType, byte[] body) {
    OpenApiContract contract = OpenApiContract.forPath(path);
    if (contract == null) {
      return;
    }
    String problem = contract.check(method, path, status, contentType, body);
    (contract == OpenApiContract.api() ? API : CONTROL).increment();
    if (problem != null) {
      FAILED.increment();
      throw new AssertionError("The answer breaks contracts/" + contract.name() + ": " + problem);
    }
  }

  /** For tests on the JDK's HTTP client. Answers a fault rule made or spoiled are the test's own script: not checked. */
  public static <T extends HttpResponse<byte[]>> T verify(T response) {
    if (response.headers().firstValue(FaultInjection.HEADER).isPresent()) {
      return response;
    }
    verify(response.request().method(), response.uri().getRawPath(), response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(null), response.body());
    return response;
  }

  /** One line for the end of a run. */
  public static String summary() {
    return "OpenAPI contract check: " + (API.sum() + CONTROL.sum()) + " responses validated ("
        + API.sum() + " against contracts/openapi.yaml, " + CONTROL.sum() + " against contracts/openapi-control.yaml), "
        + FAILED.sum() + " broke it (each one fails the test that got it, unless that test expects it)";
  }

  public static long validated() {
    return API.sum() + CONTROL.sum();
  }
}
