package io.livedigitalmock.server.domain.rooms;

/** The body of generate-access [guide, docs]; null means "not given". */
public record AccessRequest(String username, LinkRole role, String externalUserId,
                            String externalMeetingId, Long ttl, Boolean isPermanent, String email,
                            String phone) {
}
