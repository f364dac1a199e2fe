package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The handle's snapshot() and restore(): the whole mock's state as text, and back. A restore replaces
 * every tenant of the server, so this class has a server of its own (no other class asks for a 0.3 s
 * retry interval): classes sharing its server would see their data rolled back.
 */
@LivedigitalMock(webhookRetryIntervalSeconds = 0.3)
class SnapshotAndRestoreTest {

  @Test
  void whatWasMadeAfterTheSnapshotIsGoneAndWhatWasBeforeWorks(Livedigital mock) {
    String spaceId = mock.seed().createSpace("Lyceum 7");
    String roomId = mock.seed().createRoom(spaceId, "Algebra 9A").id();
    String link = mock.seed().generateAccess(spaceId, roomId, "Alice", "user");
    String token = mock.userToken();

    String saved = mock.snapshot();
    assertTrue(saved.startsWith("{") && saved.contains("\"format\" : \"livedigital-mock-state\""), saved);

    String later = mock.seed().createSpace("made after the snapshot");
    mock.simulate().openLink(link);   // uses the one-time link up
    mock.restore(saved);

    LivedigitalMockException gone = assertThrows(LivedigitalMockException.class,
        () -> mock.http().get("/v1/spaces/" + later, token));
    assertEquals(404, gone.status());
    assertEquals(spaceId, mock.http().get("/v1/spaces/" + spaceId, token).path("id").asText(),
        "the token issued before the snapshot works");
    assertTrue(mock.simulate().openLink(link) != null, "the link is unused again");
  }

  @Test
  void aStateThatCannotBeRestoredIsRefusedAndChangesNothing(Livedigital mock) {
    String spaceId = mock.seed().createSpace("kept");
    String saved = mock.snapshot();
    LivedigitalMockException e = assertThrows(LivedigitalMockException.class,
        () -> mock.restore(saved.replace("\"version\" : 1", "\"version\" : 99")));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains("version 99"), e.getMessage());
    assertEquals(spaceId, mock.http().get("/v1/spaces/" + spaceId, mock.userToken()).path("id").asText());
  }
}
