package io.livedigitalmock.server.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;

/** REST Assured's hook for {@link ContractCheck}: every answer from a loopback mock is checked as it arrives. */
public final class ContractFilter implements Filter {

  @Override
  public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                         FilterContext ctx) {
    Response response = ctx.next(request, responseSpec);
    URI uri = URI.create(request.getURI());
    String host = uri.getHost();
    boolean scriptedFault = response.getHeader(io.livedigitalmock.server.http.FaultInjection.HEADER) != null;
    if (("127.0.0.1".equals(host) || "localhost".equals(host)) && !scriptedFault) {
      ContractCheck.verify(request.getMethod(), uri.getRawPath(), response.getStatusCode(),
          response.getContentType().isEmpty() ? null : response.getContentType(), response.asByteArray());
    }
    return response;
  }
}
