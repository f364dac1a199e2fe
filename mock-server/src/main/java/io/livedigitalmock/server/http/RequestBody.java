package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.common.WireName;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A request's JSON object with typed, validating getters: a wrong type or a missing required field
 * is a 400 that names the field. The body is read as JSON whatever its Content-Type says, because
 * the guide's own curl samples send JSON as text/plain. JSON null counts as absent.
 */
public final class RequestBody {

  private static final String PARSED = "ldmock.jsonBody";

  private final JsonObject json;

  private RequestBody(JsonObject json) {
    this.json = json;
  }

  public static RequestBody of(RoutingContext ctx) {
    return new RequestBody(parse(ctx));
  }

  /**
   * The body as a JSON object; an empty body is an empty object. Parsed once per request: later
   * calls (the journal's look for a client id, a second reader) get the same object, not to be changed.
   */
  public static JsonObject parse(RoutingContext ctx) {
    JsonObject parsed = ctx.get(PARSED);
    if (parsed == null) {
      parsed = parseOnce(ctx);
      ctx.put(PARSED, parsed);
    }
    return parsed;
  }

  private static JsonObject parseOnce(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || isBlank(body)) {
      return new JsonObject();
    }
    Object parsed;
    try {
      parsed = WireJson.decode(body);
    } catch (DecodeException e) {
      throw ApiError.badRequest("Malformed JSON body");
    }
    if (!(parsed instanceof JsonObject object)) {
      throw ApiError.badRequest("The body must be a JSON object");
    }
    return object;
  }

  /** Nothing but whitespace, told from the bytes: decoding the body to text first cost every POST a copy. */
  private static boolean isBlank(Buffer body) {
    for (int i = 0; i < body.length(); i++) {
      byte b = body.getByte(i);
      if (b < 0 || !Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  public static RequestBody of(JsonObject json) {
    return new RequestBody(json == null ? new JsonObject() : json);
  }

  public boolean has(String field) {
    return json.getValue(field) != null;
  }

  public String string(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw ApiError.badRequest(field + " must be a string");
    }
    return s;
  }

  public String requiredString(String field) {
    String v = string(field);
    if (v == null || v.isBlank()) {
      throw ApiError.badRequest(field + " must not be empty");
    }
    return v;
  }

  public Boolean bool(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean b)) {
      throw ApiError.badRequest(field + " must be a boolean");
    }
    return b;
  }

  public boolean requiredBool(String field) {
    Boolean v = bool(field);
    if (v == null) {
      throw ApiError.badRequest(field + " must not be empty");
    }
    return v;
  }

  /** A whole number (JSON integer, or a float with no fraction). */
  public Long integer(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < 1e15) {
      return n.longValue();
    }
    throw ApiError.badRequest(field + " must be an integer");
  }

  public Double number(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n)) {
      throw ApiError.badRequest(field + " must be a number");
    }
    return n.doubleValue();
  }

  public <E extends Enum<E> & WireName> E enumValue(Class<E> type, String field) {
    String v = string(field);
    return v == null ? null : WireName.parse(type, field, v);
  }

  public RequestBody object(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      throw ApiError.badRequest(field + " must be an object");
    }
    return new RequestBody(o);
  }

  public java.util.Set<String> fieldNames() {
    return json.fieldNames();
  }

  /** The value as parsed, for fields whose type the caller checks itself. */
  public Object raw(String field) {
    return json.getValue(field);
  }
}
