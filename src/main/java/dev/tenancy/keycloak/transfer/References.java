package dev.tenancy.keycloak.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/** The ids of Keycloak's organizations, users and groups that a set of our rows points at. */
final class References {

    private final Set<String> organizations = new HashSet<>();
    private final Set<String> users = new HashSet<>();
    private final Set<String> groups = new HashSet<>();

    void note(RowKind kind, JsonNode row) {
        if (kind.hasRealmId() && row.hasNonNull("tenantId")) {
            organizations.add(row.get("tenantId").asText());
        }
        if (kind.hasRealmId() && row.hasNonNull("userId")) {
            users.add(row.get("userId").asText());
        }
        if (kind == RowKind.INVITATION_GROUPS) {
            groups.add(row.path("groupId").asText());
        }
        if (kind == RowKind.CREDENTIALS) {
            String owner = row.path("ownerId").asText();
            switch (row.path("scope").asText()) {
                case "USER" -> users.add(owner);
                case "TENANT" -> organizations.add(owner);
                default -> {
                }
            }
        }
    }

    Set<String> organizations() {
        return organizations;
    }

    Set<String> users() {
        return users;
    }

    Set<String> groups() {
        return groups;
    }
}
