package io.livedigitalmock.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One of the OpenAPI documents the mock serves (read from the classpath, where the build copies
 * {@code contracts/openapi*.yaml}), able to say whether an HTTP answer is one it describes: the
 * operation exists, the status is documented for it, the content type is documented for that status,
 * and the body matches the schema (JSON Schema 2020-12 in OpenAPI 3.1's dialect, checked by the
 * networknt validator, formats asserted). Finding the operation and its response object is the
 * OpenAPI part done here; every schema check is the library's.
 */
public final class OpenApiContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESOURCE_DIR = "io/livedigitalmock/server/";
  private static final Map<String, OpenApiContract> LOADED = new ConcurrentHashMap<>();

  private final String name;
  private final String documentIri;
  private final JsonNode document;
  private final List<PathTemplate> paths;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private OpenApiContract(String name) {
    this.name = name;
    this.documentIri = "classpath:" + RESOURCE_DIR + name;
    this.document = read(name);
    List<PathTemplate> templates = new ArrayList<>();
    document.path("paths").fieldNames().forEachRemaining(p -> templates.add(new PathTemplate(p)));
    templates.sort(Comparator.comparingInt(PathTemplate::variables));
    this.paths = List.copyOf(templates);
    this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH).build()));
  }

  /** {@code contracts/openapi.yaml}: the emulated API. */
  public static OpenApiContract api() {
    return LOADED.computeIfAbsent("openapi.yaml", OpenApiContract::new);
  }

  /** {@code contracts/openapi-control.yaml}: the control plane, the room page and record files. */
  public static OpenApiContract control() {
    return LOADED.computeIfAbsent("openapi-control.yaml", OpenApiContract::new);
  }

  /** The document a request path belongs to, or null for paths neither describes. */
  public static OpenApiContract forPath(String path) {
    if (path.startsWith("/v1/") || path.equals("/v1")) {
      return api();
    }
    if (path.startsWith("/_mock/") || path.startsWith("/room/") || path.startsWith("/media/")) {
      return control();
    }
    return null;
  }

  public String name() {
    return name;
  }

  public JsonNode document() {
    return document;
  }

  /**
   * What is wrong with this answer to {@code method path}, or null if the document describes it.
   * {@code contentType} may be null for an empty body.
   */
  public String check(String method, String path, int status, String contentType, byte[] body) {
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    String verb = method.toLowerCase(Locale.ROOT);
    List<PathTemplate> matching = paths.stream().filter(t -> t.matches(bare)).toList();
    if (matching.isEmpty()) {
      return status == 404 ? checkResponse("no operation (" + method + " " + bare + ")",
          "/components/responses/NoSuchRoute", status, contentType, body)
          : method + " " + bare + " is in no path of " + name + ", yet answered " + status + " (expected 404)";
    }
    PathTemplate template = matching.stream()
        .filter(t -> document.path("paths").path(t.template).has(verb)).findFirst().orElse(null);
    if (template == null) {
      return status == 405 ? checkResponse(method + " on " + matching.get(0).template,
          "/components/responses/MethodNotAllowed", status, contentType, body)
          : method + " " + bare + ": " + name + " has no " + method + " for " + matching.get(0).template
              + ", yet it answered " + status + " (expected 405)";
    }
    String operationPointer = "/paths/" + escape(template.template) + "/" + verb;
    JsonNode operation = document.at(operationPointer);
    String label = operation.path("operationId").asText(method + " " + template.template)
        + " (" + method + " " + template.template + ")";
    JsonNode responses = operation.path("responses");
    String code = String.valueOf(status);
    String key = responses.has(code) ? code : responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX"
        : responses.has("default") ? "default" : null;
    if (key == null) {
      List<String> documented = new ArrayList<>();
      responses.fieldNames().forEachRemaining(documented::add);
      return label + " answered " + status + ", which is not documented (documented: " + documented + ")";
    }
    return checkResponse(label, operationPointer + "/responses/" + escape(key), status, contentType, body);
  }

  /** Checks one answer against the response object at {@code pointer} (following a local {@code $ref}). */
  private String checkResponse(String label, String pointer, int status, String contentType, byte[] body) {
    JsonNode response = document.at(pointer);
    for (int hops = 0; response.has("$ref") && hops < 5; hops++) {
      pointer = response.get("$ref").asText().substring(1);
      response = document.at(pointer);
    }
    if (response.isMissingNode()) {
      return label + ": the document has no response object at " + pointer;
    }
    String where = label + " answered " + status;
    JsonNode content = response.path("content");
    boolean hasBody = body != null && body.length > 0;
    if (content.isEmpty()) {
      return hasBody ? where + " with a body (" + contentType + "), but the document describes none" : null;
    }
    if (!hasBody) {
      return where + " with no body, but the document describes " + names(content);
    }
    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!content.has(mediaType)) {
      return where + " as " + contentType + ", which is not documented for it (documented: " + names(content) + ")";
    }
    String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
    JsonNode schemaNode = document.at(schemaPointer);
    if (schemaNode.isMissingNode()) {
      return null;
    }
    JsonNode instance;
    if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
      try {
        instance = JSON.readTree(body);
      } catch (IOException e) {
        return where + " as " + mediaType + ", but the body is not JSON: " + e.getMessage();
      }
    } else if (mediaType.startsWith("text/")) {
      instance = TextNode.valueOf(new String(body, StandardCharsets.UTF_8));
    } else {
      return null; // a binary body: its media type is all a JSON Schema can speak of
    }
    Schema schema = schemas.computeIfAbsent(schemaPointer, p -> registry.getSchema(
        SchemaLocation.of(documentIri + "#" + p.replace("{", "%7B").replace("}", "%7D"))));
    List<Error> errors = schema.validate(instance);
    if (errors.isEmpty()) {
      return null;
    }
    String shown = new String(body, StandardCharsets.UTF_8);
    return where + " " + mediaType + " that breaks " + name + " " + schemaPointer + ":\n  "
        + errors.stream().map(Error::toString).collect(Collectors.joining("\n  "))
        + "\nbody: " + (shown.length() > 2000 ? shown.substring(0, 2000) + "…" : shown);
  }

  private static String names(JsonNode content) {
    List<String> names = new ArrayList<>();
    content.fieldNames().forEachRemaining(names::add);
    return String.join(", ", names);
  }

  /** RFC 6901: {@code ~} and {@code /} inside one pointer segment. */
  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  private static JsonNode read(String name) {
    try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE_DIR + name + " is not on the classpath (the build copies it from contracts/)");
      }
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every operation of the document: method (upper case), path template, operationId, tags. */
  public List<DocumentedOperation> operations() {
    List<DocumentedOperation> all = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (op.getKey().equals("parameters") || op.getKey().startsWith("x-")) {
          continue;
        }
        List<String> tags = new ArrayList<>();
        op.getValue().path("tags").forEach(t -> tags.add(t.asText()));
        all.add(new DocumentedOperation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
            op.getValue().path("operationId").asText(null), tags, op.getValue()));
      }
    }
    return all;
  }

  /** An operation as the document states it. */
  public record DocumentedOperation(String method, String path, String operationId, List<String> tags, JsonNode node) {
  }

  /** A path template ({@code /v1/spaces/{spaceId}}) as a matcher of concrete paths. */
  private static final class PathTemplate {

    private final String template;
    private final Pattern pattern;
    private final int variables;

    PathTemplate(String template) {
      this.template = template;
      StringBuilder regex = new StringBuilder();
      int count = 0;
      for (String part : template.split("(?=\\{)|(?<=})")) {
        if (part.startsWith("{")) {
          regex.append("[^/]+");
          count++;
        } else {
          regex.append(Pattern.quote(part));
        }
      }
      this.pattern = Pattern.compile(regex + "/?");
      this.variables = count;
    }

    boolean matches(String path) {
      return pattern.matcher(path).matches();
    }

    int variables() {
      return variables;
    }
  }
}
