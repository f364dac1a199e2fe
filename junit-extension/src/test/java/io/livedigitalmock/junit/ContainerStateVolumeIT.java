package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import io.livedigitalmock.testcontainers.LivedigitalMockContainer;
import io.restassured.RestAssured;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;

/**
 * The README's local-development recipe: the image with a named volume on /data and
 * LDMOCK_STATE_DIR=/data; docker stop (SIGTERM) saves, and a new container on the same volume has the
 * space, and takes the token issued before.
 */
@ExtendWith(DockerRequired.class)
class ContainerStateVolumeIT {

  @Test
  void aNewContainerOnTheSameVolumeHasTheState() {
    String volume = "ldmock-state-it-" + UUID.randomUUID();
    try {
      String token;
      String spaceId;
      try (LivedigitalMockContainer first = onVolume(volume)) {
        first.start();
        token = ContainerDemoUser.token(first);
        spaceId = RestAssured.given().baseUri(first.getBaseUrl() + "/v1").auth().oauth2(token)
            .contentType("application/json").body(Map.of("name", "kept across containers"))
            .post("/spaces").then().statusCode(201).extract().path("id");
        // docker stop: SIGTERM, the mock saves on its way out (Testcontainers' own stop kills)
        DockerClientFactory.instance().client().stopContainerCmd(first.getContainerId()).withTimeout(20).exec();
      }
      try (LivedigitalMockContainer second = onVolume(volume)) {
        second.start();
        assertEquals("kept across containers", RestAssured.given().baseUri(second.getBaseUrl() + "/v1")
            .auth().oauth2(token).get("/spaces/" + spaceId).then().statusCode(200).extract().path("name"));
      }
    } finally {
      DockerClientFactory.instance().client().removeVolumeCmd(volume).exec();
    }
  }

  @SuppressWarnings("resource") // the caller closes it
  private static LivedigitalMockContainer onVolume(String volume) {
    return new LivedigitalMockContainer(DockerRequired.IMAGE)
        .withEnv("LDMOCK_STATE_DIR", "/data")
        .withHostPortBinding("127.0.0.1", 0)
        .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withBinds(new Bind(volume, new Volume("/data"))));
  }

}
