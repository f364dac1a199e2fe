package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.auth.PersonalToken;
import io.livedigitalmock.server.domain.auth.User;
import io.livedigitalmock.server.domain.calls.Call;
import io.livedigitalmock.server.domain.calls.CallReport;
import io.livedigitalmock.server.domain.calls.CallStats;
import io.livedigitalmock.server.domain.calls.Participant;
import io.livedigitalmock.server.domain.calls.Recording;
import io.livedigitalmock.server.domain.calls.ReportRow;
import io.livedigitalmock.server.domain.rooms.AccessLink;
import io.livedigitalmock.server.domain.rooms.Invite;
import io.livedigitalmock.server.domain.rooms.Space;
import io.livedigitalmock.server.domain.webhooks.DeliveryAttempt;
import io.livedigitalmock.server.domain.webhooks.Webhook;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How domain objects look on the wire. Field names follow the guide, the docs and the SDKs. */
public final class Views {

  /** ISO-8601 UTC with exactly three fraction digits, as in every sample ({@code 2023-08-08T07:05:59.369Z}). */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Views() {
  }

  public static String time(Instant instant) {
    if (instant == null) {
      return null;
    }
    java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(),
        ZoneOffset.UTC);
    if (t.getYear() < 1000) {
      return TIME.format(instant);   // the formatter's way with short years; the mock's clocks never go there
    }
    // the same text as TIME, written directly: the formatter was a tenth of the cost of a room's JSON
    char[] c = "0000-00-00T00:00:00.000Z".toCharArray();
    digits(c, 0, 4, t.getYear());
    digits(c, 5, 2, t.getMonthValue());
    digits(c, 8, 2, t.getDayOfMonth());
    digits(c, 11, 2, t.getHour());
    digits(c, 14, 2, t.getMinute());
    digits(c, 17, 2, t.getSecond());
    digits(c, 20, 3, t.getNano() / 1_000_000);
    return new String(c);
  }

  private static void digits(char[] into, int at, int width, int value) {
    for (int i = at + width - 1; i >= at; i--) {
      into[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  public static JsonObject user(User u) {
    return new JsonObject()
        .put("id", u.id())
        .put("email", u.email())
        .put("username", u.username())
        .put("phone", u.phone())
        .put("createdAt", time(u.createdAt()));
  }

  public static JsonObject space(Space s) {
    return new JsonObject()
        .put("id", s.id())
        .put("name", s.name())
        .put("description", s.description())
        .put("logo", s.logo())
        .put("isPublic", s.isPublic())
        .put("ownerId", s.ownerId())
        .put("planAlias", s.plan().wire())
        .put("createdAt", time(s.createdAt()));
  }

  public static JsonObject invite(Invite i) {
    return new JsonObject()
        .put("id", i.id())
        .put("spaceId", i.spaceId())
        .put("role", i.role().wire())
        .put("createdAt", time(i.createdAt()))
        .put("activatedBy", i.activatedBy())
        .put("activatedAt", time(i.activatedAt()));
  }

  /** An access link as the control plane shows it: everything the mock "would have e-mailed". */
  public static JsonObject link(AccessLink l, Instant now) {
    return new JsonObject()
        .put("id", l.id())
        .put("url", l.url())
        .put("accessToken", l.accessToken())
        .put("spaceId", l.spaceId())
        .put("roomId", l.roomId())
        .put("alias", l.alias())
        .put("username", l.username())
        .put("role", l.role().wire())
        .put("externalUserId", l.externalUserId())
        .put("externalMeetingId", l.externalMeetingId())
        .put("email", l.email())
        .put("phone", l.phone())
        .put("ttl", l.ttlSeconds())
        .put("isPermanent", l.permanent())
        .put("guestId", l.guestId())
        .put("createdBy", l.createdBy())
        .put("createdAt", time(l.createdAt()))
        .put("expiresAt", time(l.expiresAt()))
        .put("opens", l.opens())
        .put("firstOpenedAt", time(l.firstOpenedAt()))
        .put("usable", l.isUsableAt(now));
  }

  public static JsonObject personalToken(PersonalToken t, boolean withToken) {
    JsonObject json = new JsonObject()
        .put("id", t.id())
        .put("userId", t.userId())
        .put("createdAt", time(t.createdAt()))
        .put("revokedAt", time(t.revokedAt()));
    if (withToken) {
      json.put("token", t.token());
    }
    return json;
  }

  public static JsonObject participant(Participant p) {
    return new JsonObject()
        .put("id", p.id())
        .put("spaceId", p.spaceId())
        .put("roomId", p.roomId())
        .put("name", p.name())
        .put("role", p.role().wire())
        .put("userId", p.userId())
        .put("email", p.email())
        .put("phone", p.phone())
        .put("externalUserId", p.externalUserId())
        .put("externalMeetingId", p.externalMeetingId())
        .put("clientUniqueId", p.clientUniqueId())
        .put("callId", p.callId())
        .put("joinedAt", time(p.joinedAt()))
        .put("leftAt", time(p.leftAt()))
        .put("inRoom", p.isInRoom());
  }

  /** A call as the control plane shows it. */
  public static JsonObject call(Call c) {
    return new JsonObject()
        .put("id", c.id())
        .put("active", c.isActive())
        .put("spaceId", c.spaceId())
        .put("roomId", c.roomId())
        .put("participantIds", new JsonArray(c.participantIds()))
        .put("startedAt", time(c.startedAt()))
        .put("finishedAt", time(c.finishedAt()));
  }

  /** An item of analyticsCalls, field for field as in the guide. */
  public static JsonObject callStats(CallStats s) {
    Call c = s.call();
    return new JsonObject()
        .put("id", c.id())
        .put("active", c.isActive())
        .put("roomId", c.roomId())
        .put("participantsCount", c.peakParticipants())
        .put("isBreakoutRoom", false)
        .put("planAlias", s.plan().wire())
        .put("roomType", s.roomType().wire())
        .put("totalParticipantsCount", s.totalParticipants())
        .put("uniqueParticipantsCount", s.uniqueParticipants())
        .put("startedAt", time(c.startedAt()))
        .put("finishedAt", time(c.finishedAt()));
  }

  /** A RoomRecord, field for field as in the guide. */
  public static JsonObject recording(Recording r) {
    return new JsonObject()
        .put("id", r.id())
        .put("name", r.name())
        .put("fileSize", r.fileSize())
        .put("roomId", r.roomId())
        .put("spaceId", r.spaceId())
        .put("callId", r.callId())
        .put("state", r.state().wire())
        .put("createdAt", time(r.createdAt()))
        .put("startedAt", time(r.startedAt()))
        .put("finishedAt", time(r.finishedAt()));
  }

  public static JsonObject webhook(Webhook w, boolean withSecret) {
    JsonObject json = new JsonObject().put("url", w.url());
    if (withSecret) {
      json.put("secret", w.secret());
    }
    return json.put("isActive", w.isActive());
  }

  public static JsonObject delivery(DeliveryAttempt a) {
    return new JsonObject()
        .put("seq", a.seq())
        .put("deliveryId", a.deliveryId())
        .put("clientId", a.clientId())
        .put("eventName", a.eventName())
        .put("spaceId", a.spaceId())
        .put("roomId", a.roomId())
        .put("recordId", a.recordId())
        .put("url", a.url())
        .put("attempt", a.attempt())
        .put("status", a.status())
        .put("error", a.error())
        .put("outcome", a.outcome())
        .put("signature", a.signature())
        .put("requestBody", a.requestBody())
        .put("at", time(a.at()))
        .put("durationMs", a.durationMillis())
        .put("sentTo", a.sentTo());
  }

  /** getRoomAnalyticsReport as JSON [fields assumed]: the call, then one row per participant. */
  /** One participant's row of a report ({@link #reportHead}'s {@code participants}). */
  public static JsonObject reportRow(ReportRow row) {
    return new JsonObject()
        .put("participantId", row.participantId())
        .put("name", row.name())
        .put("email", row.email())
        .put("phone", row.phone())
        .put("externalUserId", row.externalUserId())
        .put("externalMeetingId", row.externalMeetingId())
        .put("role", row.role().wire())
        .put("joinedAt", time(row.joinedAt()))
        .put("leftAt", time(row.leftAt()))
        .put("timeInCallSeconds", row.secondsInCall())
        .put("meta", new JsonObject(new java.util.LinkedHashMap<>(row.meta())));
  }

  /** A report's fields but its rows, which follow them as {@code participants} (one {@link #reportRow} each). */
  public static JsonObject reportHead(CallReport r) {
    Call c = r.call();
    return new JsonObject()
        .put("callId", c.id())
        .put("roomId", c.roomId())
        .put("spaceId", c.spaceId())
        .put("roomName", r.room().name())
        .put("roomType", r.room().type().wire())
        .put("startedAt", time(c.startedAt()))
        .put("finishedAt", time(c.finishedAt()))
        .put("durationSeconds", java.time.Duration.between(c.startedAt(), c.finishedAt()).toSeconds());
  }
}
