package io.livedigitalmock.server.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.livedigitalmock.server.control.ControlApi;
import io.livedigitalmock.server.http.ApiOperation;
import io.livedigitalmock.server.support.OpenApiContract;
import io.livedigitalmock.server.support.OpenApiContract.DocumentedOperation;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The documents themselves: valid OpenAPI 3.1, exactly the operations the mock serves (so a new route
 * cannot ship undocumented, nor a documented one vanish), real names where the guide gives them and a
 * ledger mark where it does not, and every mark pointing at an entry of contracts/FIDELITY.md.
 */
class OpenApiDocumentTest {

  private static final String SWAGGER = "https://moodhood-api.livedigital.space/doc/#/";

  @Test
  void theApiDocumentHasExactlyTheOperationsOfApiOperation() {
    Set<String> served = new TreeSet<>();
    for (ApiOperation op : ApiOperation.values()) {
      served.add(op.method().name() + " " + op.path() + " " + op.tag() + "/" + op.operationId());
    }
    Set<String> documented = new TreeSet<>();
    for (DocumentedOperation op : OpenApiContract.api().operations()) {
      documented.add(op.method() + " " + op.path() + " " + String.join(",", op.tags()) + "/" + op.operationId());
    }
    assertEquals(served, documented);
  }

  @Test
  void guideNamedOperationsLinkTheRealSwaggerPageAndOurNamesCarryALedgerMark() {
    for (ApiOperation op : ApiOperation.values()) {
      JsonNode node = documented(op).node();
      if (op.namedByGuide()) {
        String link = node.path("externalDocs").path("url").asText();
        assertTrue(link.startsWith(SWAGGER + op.tag() + "/"), op.operationId() + " links " + link);
      } else {
        assertTrue(marks(node).contains("O1"), op.operationId() + " is our name, so it needs the O1 mark");
      }
    }
  }

  @Test
  void everyFidelityMarkNamesALedgerEntry() throws IOException {
    String ledger = Files.readString(Path.of("..", "contracts", "FIDELITY.md"));
    Set<String> entries = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| ([A-Z]\\d+[a-z]?) \\|").matcher(ledger);
    while (row.find()) {
      entries.add(row.group(1));
    }
    for (OpenApiContract doc : List.of(OpenApiContract.api(), OpenApiContract.control())) {
      Set<String> unknown = new TreeSet<>(allMarks(doc.document()));
      unknown.removeAll(entries);
      assertTrue(unknown.isEmpty(), doc.name() + " marks " + unknown + ", which FIDELITY.md does not list");
    }
  }

  @Test
  void bothDocumentsAreValidOpenApi31() {
    // the official OAS 3.1 schema (with its JSON Schema dialect), as vertx-openapi ships it: no network
    Schema oas31 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix("https://spec.openapis.org/oas/3.1",
                "classpath:spec.openapis.org/oas/3.1")))
        .getSchema(SchemaLocation.of("https://spec.openapis.org/oas/3.1/schema-base/2022-10-07"));
    for (OpenApiContract doc : List.of(OpenApiContract.api(), OpenApiContract.control())) {
      List<Error> errors = oas31.validate(doc.document());
      assertTrue(errors.isEmpty(), doc.name() + ": " + errors);
    }
  }

  /** The control router's routes (what {@code /_mock/...} serves) and the control document's paths agree. */
  @Test
  void theControlDocumentHasExactlyTheControlPlaneRoutes() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Set<String> served = new TreeSet<>();
      for (Route route : new ControlApi(null, null).router(vertx).getRoutes()) {
        if (route.getPath() == null) {
          continue; // the failure handler
        }
        for (HttpMethod method : route.methods()) {
          served.add(method.name() + " /_mock" + route.getPath().replaceAll(":[A-Za-z]+", "{}"));
        }
      }
      Set<String> documented = new TreeSet<>();
      for (DocumentedOperation op : OpenApiContract.control().operations()) {
        if (op.path().startsWith("/_mock/")) {
          documented.add(op.method() + " " + op.path().replaceAll("\\{[A-Za-z]+}", "{}"));
        }
      }
      assertEquals(served, documented);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static DocumentedOperation documented(ApiOperation op) {
    return OpenApiContract.api().operations().stream()
        .filter(d -> d.method().equals(op.method().name()) && d.path().equals(op.path()))
        .findFirst().orElseThrow(() -> new AssertionError(op.signature() + " is not documented"));
  }

  private static Set<String> marks(JsonNode node) {
    Set<String> ids = new TreeSet<>();
    node.path("x-fidelity").forEach(id -> ids.add(id.asText()));
    return ids;
  }

  private static List<String> allMarks(JsonNode node) {
    List<String> ids = new ArrayList<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> {
        if (field.getKey().equals("x-fidelity")) {
          field.getValue().forEach(id -> ids.add(id.asText()));
        } else {
          ids.addAll(allMarks(field.getValue()));
        }
      });
    } else if (node.isArray()) {
      node.forEach(item -> ids.addAll(allMarks(item)));
    }
    return ids;
  }
}
