package io.livedigitalmock.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * An integrator's lesson page (on 127.0.0.1) embeds the room page from the mock (on localhost: another
 * origin and site) in an iframe, as the guide's sample does. A student opens their generated link there,
 * joins and leaves; the integrator's page hears {@code ld_finish_call}, the frame goes to the room's
 * redirectUrl, and the integrator's webhook receiver gets {@code call_finished}.
 */
class RoomPageInIframeTest {

  private static MockServer mock;
  private static IntegratorSite site;

  @BeforeAll
  static void start() throws Exception {
    mock = MockServer.start(MockConfig.defaults().withPort(0));
    site = new IntegratorSite();
  }

  @AfterAll
  static void stop() throws Exception {
    if (site != null) {
      site.close();
    }
    if (mock != null) {
      mock.close();
    }
  }

  @Test
  void aStudentJoinsAndLeavesTheRoomInsideTheIntegratorsIframe() throws Exception {
    MockApi api = new MockApi("http://localhost:" + mock.port());
    JsonObject tenant = api.tenant();
    String token = tenant.getString("token");
    String spaceId = api.post("/v1/spaces", token, new JsonObject().put("name", "Lyceum 7").put("isPublic", true))
        .getString("id");
    String finished = "http://127.0.0.1:" + site.port() + "/finished";
    String roomId = api.post("/v1/spaces/" + spaceId + "/rooms", token, new JsonObject().put("name", "Algebra 9A")
        .put("redirectUrl", finished)).getString("id");
    JsonObject receiver = api.post("/_mock/receivers", null, new JsonObject());
    api.post("/v1/spaces/" + spaceId + "/webhook", token, new JsonObject().put("url", receiver.getString("url")));
    String link = api.post("/v1/spaces/" + spaceId + "/rooms/" + roomId + "/generate-access", token,
        new JsonObject().put("username", "Alice Petrova").put("role", "user").put("externalUserId", "lms-42"))
        .getString("url");
    assertTrue(link.startsWith(api.base() + "/room/"), link);
    site.embed(link);

    try (Chromium chromium = Chromium.start()) {
      WebDriver browser = chromium.driver();
      browser.get("http://127.0.0.1:" + site.port() + "/lesson");
      browser.switchTo().frame("userplayer");
      chromium.await(By.id("join"));
      assertEquals("Algebra 9A", browser.findElement(By.id("room")).getText());
      assertEquals("Alice Petrova", browser.findElement(By.id("visitor")).getText());
      assertEquals("yes", browser.findElement(By.id("framed")).getText());
      assertTrue(browser.findElement(By.id("permissions")).getText().contains("camera: allowed"),
          "the guide's allow attribute grants the camera");
      assertNull(api.get("/_mock/rooms/" + roomId).getValue("activeCall"), "opening the page joins nobody");

      browser.findElement(By.id("join")).click();
      chromium.await(By.id("leave"));
      assertTrue(browser.findElement(By.id("people")).getText().contains("Alice Petrova"));
      JsonObject state = api.get("/_mock/rooms/" + roomId);
      assertNotNull(state.getValue("activeCall"), "joining started the call");
      assertEquals("lms-42", state.getJsonArray("participants").getJsonObject(0).getString("externalUserId"));
      browser.switchTo().defaultContent();
      chromium.screenshot("room-page-in-iframe");

      browser.switchTo().frame("userplayer");
      browser.findElement(By.id("leave")).click();
      browser.switchTo().defaultContent();
      WebElement message = chromium.await(By.cssSelector("#messages .message"));
      assertEquals("ld_finish_call", message.getText());
      assertEquals(api.base(), message.getAttribute("data-origin"), "posted by the room page's origin");
      browser.switchTo().frame("userplayer");
      chromium.await(By.id("finished"));
      assertEquals(finished, ((JavascriptExecutor) browser).executeScript("return location.href"),
          "the frame followed the room's redirectUrl");

      JsonObject callFinished = api.get("/_mock/receivers/" + receiver.getString("id")
          + "/requests/next?eventName=call_finished&timeoutMs=10000");
      assertEquals(Boolean.TRUE, callFinished.getBoolean("signatureValid"));
      assertTrue(callFinished.getString("body").contains(roomId), callFinished.getString("body"));

      browser.switchTo().defaultContent();
      browser.navigate().refresh();
      browser.switchTo().frame("userplayer");
      assertEquals("This link has already been used", chromium.await(By.id("error")).getText());
    }
  }

  /** The call ends by someone else's hand (here the control plane): the framed page notices and tells. */
  @Test
  void whenTheCallIsEndedElsewhereTheFramedPageTellsTheIntegratorsPage() throws Exception {
    MockApi api = new MockApi("http://localhost:" + mock.port());
    String token = api.tenant().getString("token");
    String spaceId = api.post("/v1/spaces", token, new JsonObject().put("name", "Lyceum 7").put("isPublic", true))
        .getString("id");
    String roomId = api.post("/v1/spaces/" + spaceId + "/rooms", token, new JsonObject().put("name", "Geometry"))
        .getString("id");
    site.embed(api.post("/v1/spaces/" + spaceId + "/rooms/" + roomId + "/generate-access", token,
        new JsonObject().put("username", "Boris").put("role", "user")).getString("url"));

    try (Chromium chromium = Chromium.start()) {
      WebDriver browser = chromium.driver();
      browser.get("http://127.0.0.1:" + site.port() + "/lesson");
      browser.switchTo().frame("userplayer");
      chromium.await(By.id("join")).click();
      chromium.await(By.id("leave"));

      api.post("/_mock/rooms/" + roomId + "/end-call", null, null);

      chromium.await(By.id("left"));
      browser.switchTo().defaultContent();
      assertEquals("ld_finish_call", chromium.await(By.cssSelector("#messages .message")).getText());
    }
  }
}
