package io.livedigitalmock.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The dashboard in a browser: it shows who is in a room; its End call button ends the call. */
class DashboardBrowserTest {

  @Test
  void clickingEndCallEndsTheCallAndThePageShowsIt() throws Exception {
    try (MockServer mock = MockServer.start(MockConfig.defaults().withPort(0))) {
      MockApi api = new MockApi(mock.baseUrl());
      JsonObject tenant = api.tenant();
      String token = tenant.getString("token");
      String spaceId = api.post("/v1/spaces", token, new JsonObject().put("name", "Lyceum 7").put("isPublic", true))
          .getString("id");
      String roomId = api.post("/v1/spaces/" + spaceId + "/rooms", token,
          new JsonObject().put("name", "Algebra 9A").put("redirectUrl", "https://lyceum7.example/lessons")).getString("id");
      JsonObject receiver = api.post("/_mock/receivers", null, new JsonObject());
      api.post("/v1/spaces/" + spaceId + "/webhook", token, new JsonObject().put("url", receiver.getString("url")));
      api.post("/v1/spaces/" + spaceId + "/rooms/" + roomId + "/generate-access", token,
          new JsonObject().put("username", "Alice Petrova").put("role", "user").put("externalUserId", "lms-42"));
      api.post("/_mock/rooms/" + roomId + "/participants", null,
          new JsonObject().put("name", "Maria Ivanovna").put("role", "moderator"));
      api.post("/_mock/rooms/" + roomId + "/participants", null,
          new JsonObject().put("name", "Boris").put("externalUserId", "lms-7"));
      api.get("/_mock/webhooks/deliveries/next?eventName=call_started&roomId=" + roomId + "&timeoutMs=10000");

      try (Chromium chromium = Chromium.start()) {
        WebDriver browser = chromium.driver();
        browser.manage().window().setSize(new Dimension(1280, 1100));
        browser.get(mock.baseUrl() + "/_mock/ui");
        chromium.await(By.linkText(tenant.getString("clientId"))).click();
        WebElement room = chromium.await(By.id("room-" + roomId));
        assertTrue(room.getText().contains("Maria Ivanovna") && room.getText().contains("Boris"), room.getText());
        assertNotNull(api.get("/_mock/rooms/" + roomId).getValue("activeCall"));
        chromium.screenshot("dashboard");

        room.findElement(By.xpath(".//button[text()='End call']")).click();

        assertTrue(chromium.await(By.id("notice")).getText().startsWith("call ended: "));
        room = chromium.await(By.id("room-" + roomId));
        assertEquals("none", room.findElement(By.className("call")).getText());
        assertTrue(room.getText().contains("Nobody is in the room."), room.getText());
        assertNull(api.get("/_mock/rooms/" + roomId).getValue("activeCall"));
      }
    }
  }
}
