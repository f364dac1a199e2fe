package io.livedigitalmock.server.api;

import static io.livedigitalmock.server.support.ApiErrors.apiError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.TestRoom;
import io.livedigitalmock.server.support.TestTenant;
import io.livedigitalmock.server.support.TestUser;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** createSpaces, updateSpace, list/get/delete, and who sees a private space [guide]. */
@ExtendWith(MockServerExtension.class)
class SpacesTest {

  private static final String USER_ONLY = "Данный метод запрещен для пользователя";

  @Test
  void createGetUpdateDeleteRoundTrip(TestTenant t) {
    String token = t.owner().accessToken();
    String id = t.as(token)
        .body(Map.of("isPublic", true, "name", "Some test space",
            "description", "Space where my team will have all future calls",
            "logo", "https://server.com/images/png-clipart-myspace-logo.png"))
        .post("/v1/spaces").then().statusCode(201).body("id", matchesPattern("[0-9a-f]{24}"))
        .extract().path("id");

    t.as(token).get("/v1/spaces/{s}", id).then().statusCode(200)
        .body("id", equalTo(id)).body("name", equalTo("Some test space"))
        .body("description", equalTo("Space where my team will have all future calls"))
        .body("logo", equalTo("https://server.com/images/png-clipart-myspace-logo.png"))
        .body("isPublic", equalTo(true)).body("ownerId", equalTo(t.owner().id()));

    t.as(token).body(Map.of("name", "Renamed", "isPublic", false, "logo", "https://x/y.png"))
        .put("/v1/spaces/{s}", id).then().statusCode(200).body("name", equalTo("Renamed"));
    t.as(token).get("/v1/spaces/{s}", id).then().statusCode(200)
        .body("name", equalTo("Renamed")).body("isPublic", equalTo(false))
        .body("logo", equalTo("https://x/y.png"))
        .body("description", equalTo("Space where my team will have all future calls"));

    t.as(token).delete("/v1/spaces/{s}", id).then().statusCode(200);
    t.as(token).get("/v1/spaces/{s}", id).then().spec(apiError(404));
    t.as(token).get("/v1/spaces").then().statusCode(200).body("total", equalTo(0));
  }

  @Test
  void listAnswersItemsAndTotal(TestTenant t) {
    String token = t.owner().accessToken();
    String a = t.createSpace(token, true);
    String b = t.createSpace(token, false);

    t.as(token).get("/v1/spaces").then().statusCode(200)
        .body("total", equalTo(2)).body("items.id", contains(a, b)).body("items[0].name", equalTo("space"));
  }

  @Test
  void clientTokenIsRefusedWithTheDocumentedMessage(TestTenant t) {
    String client = t.clientToken();
    t.as(client).get("/v1/spaces").then().spec(apiError(403)).body("message", equalTo(USER_ONLY));
    t.as(client).body(Map.of("name", "x")).post("/v1/spaces").then().spec(apiError(403))
        .body("message", equalTo(USER_ONLY));
    t.as(t.owner().accessToken()).get("/v1/spaces").then().body("total", equalTo(0));
  }

  @Test
  void spacesArePublicUnlessSaidOtherwise(TestTenant t) {
    String id = t.as(t.owner().accessToken()).body(Map.of("name", "default")).post("/v1/spaces")
        .then().statusCode(201).extract().path("id");
    t.as(t.newUser("stranger").accessToken()).get("/v1/spaces/{s}", id).then().statusCode(200)
        .body("isPublic", equalTo(true));
  }

  @Test
  void privateSpaceIsSeenByItsCreatorOnly(TestTenant t) {
    String owner = t.owner().accessToken();
    String open = t.createSpace(owner, true);
    String closed = t.createSpace(owner, false);
    String stranger = t.newUser("stranger").accessToken();

    t.as(owner).get("/v1/spaces").then().body("total", equalTo(2)).body("items.id", containsInAnyOrder(open, closed));
    t.as(stranger).get("/v1/spaces").then().statusCode(200)
        .body("total", equalTo(1)).body("items.id", contains(open));
    t.as(stranger).get("/v1/spaces/{s}", closed).then().spec(apiError(403));
    t.as(stranger).get("/v1/spaces/{s}/rooms", closed).then().spec(apiError(403));
  }

  @Test
  void privateSpaceIsSeenByAModeratorInvitee(TestTenant t) {
    String owner = t.owner().accessToken();
    String closed = t.createSpace(owner, false);
    TestUser moderator = t.newUser("moderator");

    t.join(owner, closed, moderator, "role_space_moderator");

    t.as(moderator.accessToken()).get("/v1/spaces/{s}", closed).then().statusCode(200);
    t.as(moderator.accessToken()).get("/v1/spaces").then().body("items.id", hasItem(closed));
  }

  /**
   * Pins the mock's reading of "доступ к группе имеет только создатель\модератор" [guide]: an invitee
   * with role_space_user does not see a private space. The guide's introduction could be read the
   * other way (invites grant access to others); see the fidelity notes.
   */
  @Test
  void aUserRoleInviteeSeesThePrivateSpaceButAStrangerDoesNot(TestTenant t) {
    // activation "grants the user access to the group" [guide: activateInvite], whatever the role
    String owner = t.owner().accessToken();
    String closed = t.createSpace(owner, false);
    TestUser member = t.newUser("member");
    TestUser stranger = t.newUser("stranger");

    t.join(owner, closed, member, "role_space_user");

    t.as(member.accessToken()).get("/v1/spaces/{s}", closed).then().statusCode(200);
    t.as(member.accessToken()).get("/v1/spaces").then().body("items.id", hasItem(closed));
    t.as(stranger.accessToken()).get("/v1/spaces/{s}", closed).then().spec(apiError(403));
    t.as(stranger.accessToken()).get("/v1/spaces").then().body("items.id", not(hasItem(closed)));
  }

  @Test
  void makingASpacePrivateHidesItFromOthers(TestTenant t) {
    String owner = t.owner().accessToken();
    String id = t.createSpace(owner, true);
    String stranger = t.newUser("stranger").accessToken();
    t.as(stranger).get("/v1/spaces/{s}", id).then().statusCode(200);

    t.as(owner).body(Map.of("name", "now private", "isPublic", false)).put("/v1/spaces/{s}", id)
        .then().statusCode(200);

    t.as(stranger).get("/v1/spaces/{s}", id).then().spec(apiError(403));
  }

  @Test
  void updateNeedsNameAndIsPublic(TestTenant t) {
    String owner = t.owner().accessToken();
    String id = t.createSpace(owner, true);

    t.as(owner).body(Map.of("name", "no isPublic")).put("/v1/spaces/{s}", id).then().spec(apiError(400));
    t.as(owner).body(Map.of("isPublic", false)).put("/v1/spaces/{s}", id).then().spec(apiError(400));

    t.as(owner).get("/v1/spaces/{s}", id).then().body("name", equalTo("space")).body("isPublic", equalTo(true));
  }

  @Test
  void onlyTheOwnerOrAModeratorUpdates(TestTenant t) {
    String owner = t.owner().accessToken();
    String id = t.createSpace(owner, true);
    TestUser member = t.newUser("member");
    TestUser moderator = t.newUser("moderator");
    t.join(owner, id, member, "role_space_user");
    t.join(owner, id, moderator, "role_space_moderator");

    t.as(t.newUser("stranger").accessToken()).body(Map.of("name", "hijack", "isPublic", true))
        .put("/v1/spaces/{s}", id).then().spec(apiError(403));
    t.as(member.accessToken()).body(Map.of("name", "hijack", "isPublic", true))
        .put("/v1/spaces/{s}", id).then().spec(apiError(403));
    t.as(owner).get("/v1/spaces/{s}", id).then().body("name", equalTo("space"));

    t.as(moderator.accessToken()).body(Map.of("name", "by moderator", "isPublic", true))
        .put("/v1/spaces/{s}", id).then().statusCode(200);
    t.as(owner).get("/v1/spaces/{s}", id).then().body("name", equalTo("by moderator"));
  }

  @Test
  void onlyTheOwnerDeletes(TestTenant t) {
    String owner = t.owner().accessToken();
    String id = t.createSpace(owner, true);
    TestUser moderator = t.newUser("moderator");
    t.join(owner, id, moderator, "role_space_moderator");

    t.as(moderator.accessToken()).delete("/v1/spaces/{s}", id).then().spec(apiError(403));
    t.as(t.newUser("stranger").accessToken()).delete("/v1/spaces/{s}", id).then().spec(apiError(403));

    t.as(owner).get("/v1/spaces/{s}", id).then().statusCode(200);
  }

  @Test
  void deletingASpaceTakesItsRoomsAndTheirLinksWithIt(TestTenant t) {
    String owner = t.owner().accessToken();
    String id = t.createSpace(owner, true);
    TestRoom room = t.createRoom(owner, id, true);
    TestRoom second = t.createRoom(owner, id, true);
    TestRoom elsewhere = t.createRoom(owner, t.createSpace(owner, true), true);
    List<String> links = new java.util.ArrayList<>();
    for (TestRoom r : List.of(room, second, elsewhere)) {
      links.add(t.generateAccess(owner, r, Map.of("username", "Pupil", "role", "user")).then().statusCode(200)
          .extract().path("url"));
    }

    t.as(owner).delete("/v1/spaces/{s}", id).then().statusCode(200);

    t.as(owner).get("/v1/spaces/{s}/rooms/{r}", id, room.id()).then().spec(apiError(404));
    t.as(owner).get("/v1/spaces/room-by-alias/{a}", room.alias()).then().spec(apiError(404));
    t.as(owner).get("/v1/spaces/room-by-alias/{a}", second.alias()).then().spec(apiError(404));
    given().accept(ContentType.JSON).get(links.get(0)).then().statusCode(401);
    given().accept(ContentType.JSON).get(links.get(1)).then().statusCode(401);
    given().accept(ContentType.JSON).get(links.get(2)).then().statusCode(200);   // another space's room
  }

  @Test
  void unknownSpaceIs404(TestTenant t) {
    String owner = t.owner().accessToken();
    t.as(owner).get("/v1/spaces/{s}", "0123456789abcdef01234567").then().spec(apiError(404));
    t.as(owner).delete("/v1/spaces/{s}", "0123456789abcdef01234567").then().spec(apiError(404));
  }
}
