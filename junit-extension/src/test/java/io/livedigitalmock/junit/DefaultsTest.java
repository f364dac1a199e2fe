package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Pins every default: stated once, in {@link LivedigitalMock}, and the same wherever it is read. */
@LivedigitalMock
class DefaultsTest {

  @Test
  void theAnnotationStatesTheDefaults() throws Exception {
    assertEquals(Mode.IN_PROCESS, defaultOf("mode"));
    assertEquals(0, defaultOf("port"));
    assertEquals("pro", defaultOf("plan"));
    assertEquals(false, defaultOf("tenantPerMethod"));
    assertEquals("", defaultOf("seedData"));
    assertEquals(1.0, defaultOf("webhookRetryIntervalSeconds"));
    assertEquals("", defaultOf("image"));   // the image of this library's version
    assertEquals("", defaultOf("scenario"));
    assertEquals(false, defaultOf("failOnUnmatchedRequests"));
    assertEquals(9, LivedigitalMock.class.getDeclaredMethods().length, "a new attribute needs a pinned default");
  }

  @Test
  void theResolvedDefaultsAndTheBuilderStartFromThem() {
    Settings expected = new Settings(Mode.IN_PROCESS, 0, "pro", false, "", Duration.ofSeconds(1),
        "livedigital-mock:" + io.livedigitalmock.server.Version.current(), "", false);
    assertEquals(expected, Settings.DEFAULTS);
    assertEquals(expected, Settings.of(DefaultsTest.class.getAnnotation(LivedigitalMock.class)));
  }

  @Test
  void theDefaultsInAction(Livedigital mock) {
    assertEquals(Mode.IN_PROCESS, mock.mode());
    assertEquals("pro", mock.plan());
    assertTrue(mock.baseUrl().startsWith("http://127.0.0.1:"));
    assertFalse(mock.baseUrl().endsWith(":0"));
    String spaceId = mock.seed().createSpace("defaults");
    assertEquals("pro", io.restassured.RestAssured.given().baseUri(mock.apiBaseUrl())
        .auth().oauth2(mock.userToken()).get("/spaces/" + spaceId).then().statusCode(200)
        .extract().path("planAlias"));
  }

  @Test
  void badSettingsAreRejectedWithTheSettingNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> LivedigitalMockExtension.builder().plan("gold").build());
    assertTrue(e.getMessage().contains("plan"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LivedigitalMockExtension.builder().port(70000).build());
    assertTrue(e.getMessage().contains("port"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> LivedigitalMockExtension.builder().webhookRetryInterval(Duration.ofSeconds(-1)).build());
    assertTrue(e.getMessage().contains("webhookRetryInterval"), e.getMessage());
  }

  private static Object defaultOf(String attribute) throws NoSuchMethodException {
    return LivedigitalMock.class.getMethod(attribute).getDefaultValue();
  }
}
