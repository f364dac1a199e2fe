package io.livedigitalmock.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * The servers the mock is measured against, each answering {@code GET /v1/spaces/{s}/rooms/{r}} with a
 * fixed room JSON of the mock's own shape: {@code wiremock}, {@code mockserver} (what a user would pick
 * instead of the mock), and {@code bare} ({@link BareVertx}, which bench/run.sh starts on the mock's own
 * jar instead, so that it runs the same Vert.x and Netty).
 *
 * {@code java -cp … io.livedigitalmock.bench.Peers <bare|wiremock|mockserver> <port> [eventLoops]};
 * prints {@code ready} when it answers, runs until killed.
 */
public final class Peers {

  private Peers() {
  }

  public static void main(String[] args) throws Exception {
    String kind = args[0];
    int port = Integer.parseInt(args[1]);
    int eventLoops = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    switch (kind) {
      case "bare" -> BareVertx.start(port, eventLoops);
      case "wiremock" -> wiremock(port);
      case "mockserver" -> mockserver(port);
      default -> throw new IllegalArgumentException("unknown peer " + kind);
    }
    System.out.println("ready");
  }

  private static void wiremock(int port) {
    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(port)
        .disableRequestJournal().containerThreads(Math.max(16, Runtime.getRuntime().availableProcessors() * 8)));
    server.start();
    server.stubFor(get(urlPathMatching("/v1/spaces/[^/]+/rooms/[^/]+")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(BareVertx.ROOM)));
  }

  @SuppressWarnings("resource") // runs until the process is killed
  private static void mockserver(int port) {
    ClientAndServer server = ClientAndServer.startClientAndServer(port);
    server.when(HttpRequest.request().withMethod("GET").withPath("/v1/spaces/.*/rooms/.*"))
        .respond(HttpResponse.response().withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody(BareVertx.ROOM));
  }
}
