package io.livedigitalmock.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers over stored data, which can hold most of the heap's data share: their JSON is larger than
 * what it shows, so it cannot be built whole. A long answer goes out a piece at a time, each written
 * when the connection has taken the one before (chunked), so it holds one piece of memory however long
 * it is; a short one is built whole as before (with its Content-Length), as is one a body fault will
 * spoil. An answer is a sequence of parts, each writing a bit of the document: a list's items one by one.
 */
public final class StreamedJson {

  /** Up to this many items an answer is built whole. */
  private static final int WHOLE_UP_TO = 1_000;
  /** About this many bytes a piece. */
  static final int PIECE_BYTES = 64 * 1024;

  /** Writes one part of an answer to the generator: the start of an object, one item of a list... */
  @FunctionalInterface
  public interface Part {
    void write(JsonGenerator generator) throws IOException;
  }

  /** Writes one item to the generator. */
  @FunctionalInterface
  public interface ItemWriter<T> {
    void write(JsonGenerator generator, T item) throws IOException;
  }

  private StreamedJson() {
  }

  /** The list envelope ({@code {"items":[...],"total":N}}, {@link Responses#page}) of {@code items}, each as {@code view} makes it. */
  public static <T> void page(RoutingContext ctx, List<T> items, Function<T, JsonObject> view) {
    page(ctx, items, (g, item) -> writeObject(g, view.apply(item)));
  }

  /** The list envelope of {@code items}, each written by {@code writer}. */
  static <T> void page(RoutingContext ctx, List<T> items, ItemWriter<T> writer) {
    send(ctx, items.size(), parts(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("items");
    }), each(items, writer), parts(g -> {
      g.writeEndArray();
      g.writeNumberField("total", items.size());
      g.writeEndObject();
    }));
  }

  /** Each of {@code items} as a part. */
  public static <T> Iterator<Part> each(List<T> items, ItemWriter<T> writer) {
    Iterator<T> next = items.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return next.hasNext();
      }

      @Override
      public Part next() {
        T item = next.next();
        return g -> writer.write(g, item);
      }
    };
  }

  /** Fixed parts: what surrounds the lists. */
  public static Iterator<Part> parts(Part... parts) {
    return List.of(parts).iterator();
  }

  /**
   * A 200 whose JSON the {@code parts} write in turn; {@code items}: how many items they hold, which
   * decides whether it is built whole.
   */
  @SafeVarargs
  public static void send(RoutingContext ctx, int items, Iterator<Part>... parts) {
    Iterator<Part> all = concat(parts);
    if (isWhole(ctx, items)) {
      Responses.json(ctx, 200, WireJson.buffer(g -> {
        while (all.hasNext()) {
          all.next().write(g);
        }
      }));
      return;
    }
    HttpServerResponse response = ctx.response().setStatusCode(200).setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8");
    new Pieces(response, all).next();
  }

  /**
   * Whether an answer over {@code items} things is built whole, with its Content-Length: a short one,
   * or one a body fault will spoil (which needs all of it); others go out as they are made.
   */
  static boolean isWhole(RoutingContext ctx, int items) {
    return items <= WHOLE_UP_TO || BodyFault.armed(ctx);
  }

  /** The parts of each in turn, taken as they are written (a list's items are never all made at once). */
  private static Iterator<Part> concat(Iterator<Part>[] parts) {
    return new Iterator<>() {
      private int at;

      @Override
      public boolean hasNext() {
        while (at < parts.length && !parts[at].hasNext()) {
          at++;
        }
        return at < parts.length;
      }

      @Override
      public Part next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return parts[at].next();
      }
    };
  }

  /** The fields of {@code object}, written into an object the caller has started. */
  public static void writeFields(JsonGenerator g, JsonObject object) throws IOException {
    for (Map.Entry<String, Object> field : object) {
      g.writeFieldName(field.getKey());
      if (field.getValue() instanceof JsonObject o) {
        writeObject(g, o);
      } else {
        JacksonCodec.encodeJson(field.getValue(), g);
      }
    }
  }

  /**
   * A JsonObject as the answers encode it ({@link WireJson#encode}); null as null. Encoded apart first:
   * a value only databind writes is found before any of the object is in the answer, which cannot be
   * taken back once written, and the whole object then goes through databind.
   */
  public static void writeObject(JsonGenerator g, JsonObject object) throws IOException {
    if (object == null) {
      g.writeNull();
      return;
    }
    g.writeRawValue(WireJson.encode(object).toString(StandardCharsets.UTF_8));
  }

  /** One streamed answer: its generator, the parts still to write, and the piece being written. */
  private static final class Pieces {

    private final HttpServerResponse response;
    private final Iterator<Part> parts;
    private final BufferSink piece = new BufferSink(PIECE_BYTES + 4096);
    private final JsonGenerator generator = WireJson.generator(piece);

    Pieces(HttpServerResponse response, Iterator<Part> parts) {
      this.response = response;
      this.parts = parts;
    }

    /** Writes pieces until the connection's queue is full (then again when it drains), or the end. */
    void next() {
      try {
        while (!response.closed()) {
          while (parts.hasNext() && piece.length() < PIECE_BYTES) {
            parts.next().write(generator);
          }
          if (!parts.hasNext()) {
            generator.close();
            response.end(piece.take());
            return;
          }
          generator.flush();
          response.write(piece.take());
          if (response.writeQueueFull()) {
            response.drainHandler(drained -> next());
            return;
          }
        }
      } catch (IOException | RuntimeException e) {
        // the status and the first items are out: nothing left to say but that the answer is broken
        response.reset();
      }
    }
  }
}
