package io.livedigitalmock.server.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.support.MockServerExtension;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/** The mock serves contracts/openapi*.yaml byte for byte, and the same document as JSON. */
@ExtendWith(MockServerExtension.class)
class ServedDocumentsTest {

  @ParameterizedTest
  @ValueSource(strings = {"openapi", "openapi-control"})
  void theMockServesTheContractsFileAsWrittenAndAsJson(String name, MockServer server) throws Exception {
    byte[] file = Files.readAllBytes(Path.of("..", "contracts", name + ".yaml"));

    Response yaml = given().baseUri(server.baseUrl()).get("/_mock/" + name + ".yaml");
    assertEquals(200, yaml.statusCode());
    assertEquals("application/yaml; charset=utf-8", yaml.contentType());
    assertArrayEquals(file, yaml.asByteArray(), "contracts/" + name + ".yaml as written");

    Response json = given().baseUri(server.baseUrl()).get("/_mock/" + name + ".json");
    assertEquals(200, json.statusCode());
    assertEquals(new YAMLMapper().readTree(file), new ObjectMapper().readTree(json.asByteArray()));
  }
}
