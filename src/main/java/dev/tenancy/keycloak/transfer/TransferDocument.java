package dev.tenancy.keycloak.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.JsonBodies;
import java.util.List;
import java.util.Map;

/**
 * The file {@code GET …/tenancy/export} writes and {@code POST …/tenancy/import} reads: our rows of one realm, keyed
 * by the ids Keycloak's own export keeps (realm, organizations, users, groups), with the aliases, usernames and group
 * names those ids had, so that a refused import can name what the target realm lacks.
 */
record TransferDocument(String format, Integer version, RealmRef realm, Long exportedAt,
        Map<String, String> organizations, Map<String, String> users, Map<String, String> groups,
        List<JsonNode> memberRoles, List<JsonNode> moduleOverrides, List<JsonNode> invitations,
        List<JsonNode> invitationRoles, List<JsonNode> invitationGroups, List<JsonNode> apiKeys,
        List<JsonNode> credentials, List<JsonNode> domainProofs, List<JsonNode> joinPolicies,
        List<JsonNode> joinRequests) implements JsonBodies.Validated<TransferDocument> {

    static final String FORMAT = "keycloak-tenancy-export";
    static final int VERSION = 1;

    record RealmRef(String id, String name) {
    }

    @Override
    public TransferDocument validated() {
        if (!FORMAT.equals(format)) {
            throw TenancyException.invalid("'format' must be \"" + FORMAT + "\" (a file written by GET …/tenancy/export)");
        }
        if (version == null || version != VERSION) {
            throw TenancyException.invalid("'version' must be " + VERSION + "; this server reads version " + VERSION
                    + " files only");
        }
        if (realm == null || realm.id() == null || realm.id().isBlank()) {
            throw TenancyException.invalid("'realm.id' is required");
        }
        return this;
    }

    List<JsonNode> rows(String kind) {
        List<JsonNode> rows = switch (kind) {
            case "memberRoles" -> memberRoles;
            case "moduleOverrides" -> moduleOverrides;
            case "invitations" -> invitations;
            case "invitationRoles" -> invitationRoles;
            case "invitationGroups" -> invitationGroups;
            case "apiKeys" -> apiKeys;
            case "credentials" -> credentials;
            case "domainProofs" -> domainProofs;
            case "joinPolicies" -> joinPolicies;
            case "joinRequests" -> joinRequests;
            default -> throw new IllegalArgumentException(kind);
        };
        return rows == null ? List.of() : rows;
    }

    String organizationName(String id) {
        return organizations == null ? null : organizations.get(id);
    }

    String userName(String id) {
        return users == null ? null : users.get(id);
    }

    String groupName(String id) {
        return groups == null ? null : groups.get(id);
    }
}
