package io.livedigitalmock.server.api;

import static io.livedigitalmock.server.support.ApiErrors.apiError;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.Race;
import io.livedigitalmock.server.support.TestTenant;
import io.livedigitalmock.server.support.TestUser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** createInvite and activateInvite: one invite, one user, once [guide]. */
@ExtendWith(MockServerExtension.class)
class InvitesTest {

  @Test
  void anInviteActivatesOnceOnly(TestTenant t) {
    String owner = t.owner().accessToken();
    String space = t.createSpace(owner, false);
    String invite = t.as(owner).body(Map.of("role", "role_space_moderator"))
        .post("/v1/spaces/{s}/invites", space).then().statusCode(201)
        .body("id", matchesPattern("[0-9a-f]{24}")).extract().path("id");
    TestUser first = t.newUser("first");
    TestUser second = t.newUser("second");

    t.activate(first.accessToken(), space, invite).then().statusCode(200);

    t.activate(first.accessToken(), space, invite).then().spec(apiError(409));
    t.activate(second.accessToken(), space, invite).then().spec(apiError(409));
    t.as(second.accessToken()).get("/v1/spaces/{s}", space).then().spec(apiError(403));
  }

  @Test
  void activatingAModeratorInviteOpensThePrivateSpaceAndItsManagement(TestTenant t) {
    String owner = t.owner().accessToken();
    String space = t.createSpace(owner, false);
    TestUser invitee = t.newUser("invitee");
    String invite = t.invite(owner, space, "role_space_moderator");
    t.as(invitee.accessToken()).get("/v1/spaces/{s}", space).then().spec(apiError(403));

    t.activate(invitee.accessToken(), space, invite).then().statusCode(200);

    t.as(invitee.accessToken()).get("/v1/spaces/{s}", space).then().statusCode(200);
    t.as(invitee.accessToken()).get("/v1/spaces").then().body("total", equalTo(1));
    t.createRoom(invitee.accessToken(), space, true);
    t.invite(invitee.accessToken(), space, "role_space_user");
  }

  @Test
  void aUserRoleInviteeDoesNotManageTheSpace(TestTenant t) {
    String owner = t.owner().accessToken();
    String space = t.createSpace(owner, true);
    TestUser member = t.newUser("member");

    t.join(owner, space, member, "role_space_user");

    t.as(member.accessToken()).body(Map.of("name", "r")).post("/v1/spaces/{s}/rooms", space)
        .then().spec(apiError(403));
    t.as(member.accessToken()).body(Map.of("role", "role_space_user")).post("/v1/spaces/{s}/invites", space)
        .then().spec(apiError(403));
    t.as(owner).get("/v1/spaces/{s}/rooms", space).then().body("total", equalTo(0));
  }

  @Test
  void onlyTheOwnerOrAModeratorInvites(TestTenant t) {
    String space = t.createSpace(t.owner().accessToken(), true);

    t.as(t.newUser("stranger").accessToken()).body(Map.of("role", "role_space_moderator"))
        .post("/v1/spaces/{s}/invites", space).then().spec(apiError(403));
    t.as(t.clientToken()).body(Map.of("role", "role_space_moderator"))
        .post("/v1/spaces/{s}/invites", space).then().spec(apiError(403));
  }

  @Test
  void anInviteOfAnotherSpaceIs404AndStaysUsable(TestTenant t) {
    String owner = t.owner().accessToken();
    String space = t.createSpace(owner, false);
    String otherSpace = t.createSpace(owner, false);
    String invite = t.invite(owner, space, "role_space_moderator");
    TestUser invitee = t.newUser("invitee");

    t.activate(invitee.accessToken(), otherSpace, invite).then().spec(apiError(404));
    t.as(invitee.accessToken()).get("/v1/spaces/{s}", otherSpace).then().spec(apiError(403));

    t.activate(invitee.accessToken(), space, invite).then().statusCode(200);
  }

  @Test
  void unknownInviteOrSpaceIs404(TestTenant t) {
    String owner = t.owner().accessToken();
    String space = t.createSpace(owner, true);
    t.activate(owner, space, "0123456789abcdef01234567").then().spec(apiError(404));
    t.activate(owner, "0123456789abcdef01234567", "0123456789abcdef01234567").then().spec(apiError(404));
    t.as(owner).body(Map.of("role", "role_space_user")).post("/v1/spaces/{s}/invites", "0123456789abcdef01234567")
        .then().spec(apiError(404));
  }

  @Test
  void anUnknownRoleGrantsTheLeastAndAMissingOneIs400(TestTenant t) {
    String owner = t.owner().accessToken();
    String space = t.createSpace(owner, false);
    TestUser invitee = t.newUser("invitee");
    String invite = t.as(owner).body(Map.of("role", "role_space_owner")).post("/v1/spaces/{s}/invites", space)
        .then().statusCode(201).extract().path("id");

    t.activate(invitee.accessToken(), space, invite).then().statusCode(200);

    // a member (role_space_user): sees the private space, does not manage it (ledger E3)
    t.as(invitee.accessToken()).get("/v1/spaces/{s}", space).then().statusCode(200);
    t.as(invitee.accessToken()).body(Map.of("role", "role_space_user")).post("/v1/spaces/{s}/invites", space)
        .then().spec(apiError(403));
    t.as(owner).body(Map.of()).post("/v1/spaces/{s}/invites", space).then().spec(apiError(400));
  }

  @Test
  void aClientTokenCannotActivate(TestTenant t) {
    String owner = t.owner().accessToken();
    String space = t.createSpace(owner, false);
    String invite = t.invite(owner, space, "role_space_moderator");

    t.activate(t.clientToken(), space, invite).then().spec(apiError(403));

    t.activate(t.newUser("invitee").accessToken(), space, invite).then().statusCode(200);
  }

  /** Fifty people click the same forwarded invite at once: exactly one gets in. */
  @Test
  void fiftyParallelActivationsSucceedExactlyOnce(TestTenant t) throws Exception {
    String owner = t.owner().accessToken();
    String space = t.createSpace(owner, false);
    String invite = t.invite(owner, space, "role_space_moderator");
    List<TestUser> users = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      users.add(t.newUser("racer"));
    }
    List<Callable<Integer>> activations = new ArrayList<>();
    for (TestUser user : users) {
      activations.add(() -> t.activate(user.accessToken(), space, invite).statusCode());
    }

    List<Integer> statuses = Race.statuses(activations);

    assertEquals(1, Collections.frequency(statuses, 200), "successes among " + statuses);
    assertEquals(49, Collections.frequency(statuses, 409), "conflicts among " + statuses);
    long admitted = users.stream()
        .filter(u -> t.as(u.accessToken()).get("/v1/spaces/{s}", space).statusCode() == 200).count();
    assertEquals(1, admitted, "users who gained the private space");
  }
}
