package io.livedigitalmock.browser;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;

/**
 * The integrator's own site, on a port and origin of its own: a lesson page that embeds the room page
 * in an iframe exactly as the guide's sample does, and writes every message the frame posts into its
 * DOM ({@code #messages}), where a test reads it; and the page the room's redirectUrl points at.
 */
final class IntegratorSite implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private volatile String roomUrl = "about:blank";

  IntegratorSite() throws Exception {
    server = vertx.createHttpServer().requestHandler(req -> {
      switch (req.path()) {
        case "/lesson" -> req.response().putHeader("Content-Type", "text/html; charset=utf-8").end(lessonPage());
        case "/finished" -> req.response().putHeader("Content-Type", "text/html; charset=utf-8")
            .end("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Lesson over</title></head>"
                + "<body style=\"font-family:sans-serif\"><h1 id=\"finished\">Back on the school's site</h1>"
                + "</body></html>");
        default -> req.response().setStatusCode(404).end();
      }
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  int port() {
    return server.actualPort();
  }

  /** The room page URL (e.g. a generated link) that the lesson page embeds from now on. */
  void embed(String url) {
    roomUrl = url;
  }

  private String lessonPage() {
    return """
        <!DOCTYPE html>
        <html>
         <head>
          <meta charset="utf-8" />
          <title>School LMS · Algebra 9A</title>
         </head>
         <body style="font-family:sans-serif;margin:12px">
          <p><b>School LMS</b> · Algebra 9A · the integrator's page, embedding the livedigital room</p>
          <iframe
            src="%s"
            id="userplayer"
            frameborder="0"
            width="880px"
            height="595px"
            style="border:1px dashed #999"
            allow="camera;microphone;fullscreen;accelerometer;autoplay;clipboard-write;encrypted-media;gyroscope;picture-in-picture;display-capture;" allowusermedia>
          </iframe>
          <p>Messages from the room: <span id="messages"></span></p>
          <script>
            window.addEventListener('message', function (event) {
              var item = document.createElement('code');
              item.className = 'message';
              item.dataset.origin = event.origin;
              item.textContent = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
              document.getElementById('messages').appendChild(item);
            });
          </script>
         </body>
        </html>
        """.formatted(roomUrl.replace("&", "&amp;").replace("\"", "&quot;"));
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
