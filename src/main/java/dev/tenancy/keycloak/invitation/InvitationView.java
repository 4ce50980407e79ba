package dev.tenancy.keycloak.invitation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * What the API shows of an invitation. There is no field for the token: it is not stored. The link is
 * added to the answer of a create or resend with {@code "sendEmail": false}, once.
 */
record InvitationView(
        String id,
        String tenantId,
        String email,
        InvitationStatus status,
        SortedSet<String> roles,
        List<String> groups,
        String invitedBy,
        String inviterName,
        long createdAt,
        long sentAt,
        long expiresAt,
        Long acceptedAt,
        String acceptedBy,
        Long declinedAt,
        Long revokedAt,
        String revokedBy,
        String clientId,
        String redirectUri,
        String locale,
        boolean linkShown,
        String invitedVia,
        int resendCount) {

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("tenantId", tenantId);
        json.put("email", email);
        json.put("status", status.label());
        json.put("roles", roles);
        json.put("groups", groups);
        json.put("invitedBy", invitedBy);
        json.put("inviterName", inviterName);
        json.put("createdAt", time(createdAt));
        json.put("sentAt", time(sentAt));
        json.put("expiresAt", time(expiresAt));
        putIfSet(json, "acceptedAt", acceptedAt == null ? null : time(acceptedAt));
        putIfSet(json, "acceptedBy", acceptedBy);
        putIfSet(json, "declinedAt", declinedAt == null ? null : time(declinedAt));
        putIfSet(json, "revokedAt", revokedAt == null ? null : time(revokedAt));
        putIfSet(json, "revokedBy", revokedBy);
        putIfSet(json, "clientId", clientId);
        putIfSet(json, "redirectUri", redirectUri);
        putIfSet(json, "locale", locale);
        // Whether the current link was returned in an answer: an account made from it must verify its email.
        json.put("linkShown", linkShown);
        putIfSet(json, "invitedVia", invitedVia);
        json.put("resendCount", resendCount);
        return json;
    }

    private static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static void putIfSet(Map<String, Object> json, String field, Object value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
