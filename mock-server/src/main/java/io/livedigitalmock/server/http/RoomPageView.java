package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.calls.Call;
import io.livedigitalmock.server.domain.calls.Participant;
import io.livedigitalmock.server.domain.calls.Recording;
import io.livedigitalmock.server.domain.rooms.Room;
import io.livedigitalmock.server.ui.Html;
import java.util.List;

/**
 * The room page's HTML: before joining, in the call, after leaving, and when it cannot let someone
 * in. Scripts are small and optional: without JavaScript every step is a plain form, and only the
 * message to the embedding page and the live refresh need it.
 */
final class RoomPageView {

  /** What the page posts to {@code window.parent} when the visitor's call ends [docs; shape assumed, ledger P18]. */
  static final String FINISH_MESSAGE = "ld_finish_call";

  /** Permissions a livedigital iframe's {@code allow} attribute grants in the guide's sample. */
  private static final String FEATURES = "camera microphone display-capture fullscreen autoplay";

  private RoomPageView() {
  }

  static String entry(RoomVisitor v, List<Participant> inRoom, Call call, Recording recording) {
    String alias = v.room().alias();
    String who = v.link() != null ? "link for " + v.link().role().wire()
        + (v.link().permanent() ? ", reusable until it expires" : ", admits once: joining uses it up")
        : "registered user";
    String body = header(v.room())
        + "<div class=\"card\"><p>You: <b id=\"visitor\">" + Html.text(v.name()) + "</b> <span class=\"muted\">("
        + Html.text(who) + ")</span></p>"
        + status(call, recording) + people(inRoom)
        + "<form method=\"post\" action=\"/room/" + Html.text(alias) + "/join\">"
        + "<input type=\"hidden\" name=\"session\" value=\"" + Html.text(RoomSession.tag(v.token())) + "\">"
        + (v.link() != null ? "" : "<input type=\"hidden\" name=\"participantName\" value=\"" + Html.text(v.name()) + "\">")
        + "<button id=\"join\" type=\"submit\">Join</button></form></div>"
        + "<div class=\"card\"><h3>Embedding</h3><p>Inside a frame: <b id=\"framed\">unknown without JavaScript</b></p>"
        + "<p class=\"muted\">What this frame may use (the iframe's <code>allow</code> attribute):</p>"
        + "<ul id=\"permissions\" data-features=\"" + FEATURES + "\"></ul></div>"
        + "<script>" + PERMISSIONS_SCRIPT + "</script>";
    return Html.document(v.room().name() + " · livedigital-mock", "", body);
  }

  static String inCall(RoomVisitor v, Participant me, List<Participant> inRoom, Call call, Recording recording,
                       String state) {
    String alias = Html.text(v.room().alias());
    String body = header(v.room())
        + "<div class=\"card\"><p>You are in the call as <b id=\"visitor\">" + Html.text(me.name()) + "</b> ("
        + Html.text(me.role().wire()) + ").</p>"
        + status(call, recording) + people(inRoom)
        + "<form method=\"post\" action=\"/room/" + alias + "/leave\">"
        + "<input type=\"hidden\" name=\"participantId\" value=\"" + Html.text(me.id()) + "\">"
        + "<button id=\"leave\" type=\"submit\">Leave</button> <a href=\"\">Refresh</a></form></div>"
        + "<div id=\"live\" data-poll=\"/room/" + alias + "/call?participantId=" + Html.text(me.id())
        + "\" data-state=\"" + Html.text(state) + "\" data-left=\"/room/" + alias + "/left?participantId="
        + Html.text(me.id()) + "\"></div>"
        + "<script>" + POLL_SCRIPT + "</script>";
    return Html.document(v.room().name() + " · livedigital-mock", "", body);
  }

  /**
   * After leaving: tells the embedding page, then goes to the room's redirectUrl if it is an http(s)
   * URL, at once (without JavaScript: a refresh, and no message) [assumed, ledger P18].
   */
  static String left(Room room) {
    String redirect = Html.isHttpUrl(room.redirectUrl()) ? room.redirectUrl() : "";
    String head = redirect.isEmpty() ? ""
        : "<noscript><meta http-equiv=\"refresh\" content=\"0;url=" + Html.text(redirect) + "\"></noscript>";
    String next = redirect.isEmpty() ? "<p class=\"muted\">The room has no redirectUrl: the page stays here.</p>"
        : "<p>Next: " + Html.link(redirect, redirect) + " (the room's redirectUrl)</p>";
    String body = header(room)
        + "<div class=\"card\"><p id=\"left\">You are out of the call.</p>"
        + "<p id=\"posted\" class=\"muted\">The embedding page is told with postMessage(\"" + FINISH_MESSAGE
        + "\") when JavaScript runs.</p>" + next + "</div>"
        + "<div id=\"finish\" data-message=\"" + FINISH_MESSAGE + "\" data-redirect=\"" + Html.text(redirect)
        + "\"></div><script>" + FINISH_SCRIPT + "</script>";
    return Html.document("Left " + room.name() + " · livedigital-mock", head, body);
  }

  static String error(int status, String message) {
    String title = switch (status) {
      case 401 -> "Unauthorized";
      case 403 -> "You may not enter this room";
      case 404 -> "No such room or link";
      case 409 -> "This page was replaced by another link";
      case 410 -> message.contains("expired") ? "This link has expired" : "This link has already been used";
      default -> "The room page cannot go on";
    };
    return Html.document(title + " · livedigital-mock", "",
        "<h1 id=\"error\">" + Html.text(title) + "</h1><div class=\"card\"><p>" + Html.text(message)
            + " <span class=\"muted\">(HTTP " + status + ")</span></p></div>");
  }

  private static String header(Room room) {
    return "<h1 id=\"room\">" + Html.text(room.name()) + "</h1><p class=\"muted\">livedigital-mock's stand-in for the"
        + " livedigital room page · room <code>" + Html.text(room.alias()) + "</code>, "
        + Html.text(room.type().wire()) + ", " + (room.isPublic() ? "public" : "private") + "</p>";
  }

  private static String status(Call call, Recording recording) {
    return "<p>Call: <span id=\"call\">" + (call == null ? "none yet (the first one in starts it)"
        : "in progress since " + Html.text(Views.time(call.startedAt()))) + "</span>. Recording: <span id=\"recording\">"
        + (recording == null ? "off" : "on since " + Html.text(Views.time(recording.startedAt()))) + "</span>.</p>";
  }

  private static String people(List<Participant> inRoom) {
    StringBuilder out = new StringBuilder("<h3>In the room (" + inRoom.size() + ")</h3><ul id=\"people\">");
    inRoom.forEach(p -> out.append("<li>").append(Html.text(p.name())).append(" <span class=\"muted\">(")
        .append(Html.text(p.role().wire())).append(")</span></li>"));
    if (inRoom.isEmpty()) {
      out.append("<li class=\"muted\">nobody</li>");
    }
    return out.append("</ul>").toString();
  }

  private static final String PERMISSIONS_SCRIPT = """
      (function () {
        var framed = window.parent !== window, ul = document.getElementById('permissions');
        document.getElementById('framed').textContent = framed ? 'yes' : 'no';
        var policy = document.featurePolicy || document.permissionsPolicy;
        ul.dataset.features.split(' ').forEach(function (f) {
          var li = document.createElement('li');
          li.textContent = f + ': ' + (policy ? (policy.allowsFeature(f) ? 'allowed' : 'not allowed')
              : 'this browser does not tell');
          ul.appendChild(li);
        });
      })();""";

  /** Every 2 s (for at most 4 h): off to the "left" page when the call ended for us, reload on changes. */
  private static final String POLL_SCRIPT = """
      (function () {
        var d = document.getElementById('live').dataset, polls = 0;
        function again() { if (++polls < 7200) setTimeout(tick, 2000); }
        function tick() {
          fetch(d.poll, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (s) {
              if (s && !s.inRoom) { location.replace(d.left); }
              else if (s && s.state !== d.state) { location.reload(); }
              else { again(); }
            }, again);
        }
        again();
      })();""";

  private static final String FINISH_SCRIPT = """
      (function () {
        var d = document.getElementById('finish').dataset;
        if (window.parent !== window) {
          window.parent.postMessage(d.message, '*');
          document.getElementById('posted').textContent = 'Told the embedding page: postMessage("' + d.message + '").';
        } else {
          document.getElementById('posted').textContent = 'Not inside a frame: no page to tell.';
        }
        if (d.redirect) { location.replace(d.redirect); }
      })();""";
}
