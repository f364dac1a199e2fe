package io.livedigitalmock.server.ui;

import io.livedigitalmock.server.domain.TenantBackend;
import io.livedigitalmock.server.domain.calls.Call;
import io.livedigitalmock.server.domain.calls.Participant;
import io.livedigitalmock.server.domain.calls.Recording;
import io.livedigitalmock.server.domain.rooms.Room;
import io.livedigitalmock.server.http.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tenant's rooms, one card each: who is in it and who was created but never joined, the call and
 * recording under way, past calls, and the buttons that make things happen (the simulation's actions).
 */
final class RoomsSection {

  private RoomsSection() {
  }

  static String render(TenantBackend b) {
    List<Room> rooms = b.rooms().all();
    if (rooms.isEmpty()) {
      return "<p class=\"muted\">None yet.</p>";
    }
    StringBuilder out = new StringBuilder();
    rooms.forEach(room -> out.append(card(b, room)));
    return out.toString();
  }

  private static String card(TenantBackend b, Room room) {
    String id = room.id();
    String actions = "/_mock/ui/rooms/" + id;
    Call call = b.participants().activeCall(id);
    Recording recording = b.recordings().active(id);
    return "<div class=\"card room\" id=\"room-" + Html.text(id) + "\"><h3>" + Html.text(room.name())
        + " <code>" + Html.text(room.alias()) + "</code></h3>"
        + "<p class=\"muted\">id <code>" + Html.text(id) + "</code> · space <code>" + Html.text(room.spaceId())
        + "</code> · " + Html.text(room.type().wire()) + " · " + (room.isPublic() ? "public" : "private")
        + " · redirectUrl " + (room.redirectUrl() == null ? "none" : Html.link(room.redirectUrl(), room.redirectUrl()))
        + "</p><p>Call: <span class=\"call\">" + (call == null ? "none" : "<code>" + Html.text(call.id())
        + "</code> since " + Html.text(Views.time(call.startedAt()))) + "</span> · Recording: <span class=\"recording\">"
        + (recording == null ? "off" : "<code>" + Html.text(recording.id()) + "</code> since "
        + Html.text(Views.time(recording.startedAt()))) + "</span></p>"
        + people(b.participants().inRoom(id), b.participants().notYetJoined(id))
        + "<p>" + Html.postButton(actions + "/end-call", "End call", Map.of(), "quiet")
        + Html.postButton(actions + "/recording/start", "Start recording", Map.of(), "quiet")
        + Html.postButton(actions + "/recording/stop", "Stop recording", Map.of(), "quiet")
        + Html.postButton(actions + "/recording/fail", "Fail recording", Map.of(), "quiet") + "</p>"
        + "<form method=\"post\" action=\"" + Html.text(actions) + "/join\">Someone joins: "
        + "<input name=\"name\" placeholder=\"name\" required> <select name=\"role\">"
        + "<option>user</option><option>moderator</option><option>owner</option></select> "
        + "<button type=\"submit\">Join</button></form>"
        + calls(b.participants().calls(id)) + "</div>";
  }

  private static String people(List<Participant> inRoom, List<Participant> notYetJoined) {
    List<List<String>> rows = new ArrayList<>();
    for (Participant p : inRoom) {
      rows.add(List.of(Html.text(p.name()), Html.text(p.role().wire()), Html.text(p.externalUserId()),
          Html.text(Views.time(p.joinedAt())), "in the room",
          Html.postButton("/_mock/ui/participants/" + p.id() + "/leave", "Leave", Map.of(), "quiet")));
    }
    for (Participant p : notYetJoined) {
      rows.add(List.of(Html.text(p.name()), Html.text(p.role().wire()), Html.text(p.externalUserId()), "",
          "created, not joined", Html.postButton("/_mock/ui/participants/" + p.id() + "/connect", "Join",
              Map.of(), "quiet")));
    }
    return rows.isEmpty() ? "<p class=\"muted people\">Nobody is in the room.</p>"
        : Html.table(List.of("participant", "role", "externalUserId", "joined", "", ""), rows);
  }

  private static String calls(List<Call> calls) {
    if (calls.isEmpty()) {
      return "";
    }
    List<List<String>> rows = new ArrayList<>();
    for (Call c : calls) {
      rows.add(List.of("<code>" + Html.text(c.id()) + "</code>", Html.text(Views.time(c.startedAt())),
          c.isActive() ? "going on" : Html.text(Views.time(c.finishedAt())),
          String.valueOf(c.participantIds().size()), String.valueOf(c.peakParticipants())));
    }
    return "<details><summary>Calls (" + calls.size() + ")</summary>"
        + Html.table(List.of("call", "started", "finished", "joins", "most at once"), rows) + "</details>";
  }
}
