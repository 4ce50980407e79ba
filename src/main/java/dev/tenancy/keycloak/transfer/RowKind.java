package dev.tenancy.keycloak.transfer;

import dev.tenancy.keycloak.apikey.TenancyApiKeyEntity;
import dev.tenancy.keycloak.credential.TenancyCredentialEntity;
import dev.tenancy.keycloak.domain.TenancyDomainProofEntity;
import dev.tenancy.keycloak.invitation.TenancyInvitationEntity;
import dev.tenancy.keycloak.invitation.TenancyInvitationGroupEntity;
import dev.tenancy.keycloak.invitation.TenancyInvitationRoleEntity;
import dev.tenancy.keycloak.join.TenancyJoinPolicyEntity;
import dev.tenancy.keycloak.join.TenancyJoinRequestEntity;
import dev.tenancy.keycloak.tenant.TenancyMemberRoleEntity;
import dev.tenancy.keycloak.tenant.TenancyModuleOverrideEntity;
import java.util.List;

/**
 * One kind of our rows in an export: its name in the document, the entity, the condition that selects one realm's
 * rows, the field sets the database keeps unique within a realm (so a file may not repeat them), and the columns it
 * keeps unique across the whole server (ids, token and key hashes, pending keys). Listed in the order rows are written
 * (parents first).
 */
record RowKind(String name, EntityRows<?> rows, String realmCondition, List<List<String>> uniqueInRealm,
        List<String> uniqueOnServer) {

    private static final String OWN_REALM = "e.realmId = :realmId";
    private static final String INVITATION_IN_REALM =
            "e.invitationId in (select i.id from TenancyInvitation i where i.realmId = :realmId)";

    static final RowKind MEMBER_ROLES = new RowKind("memberRoles", new EntityRows<>(TenancyMemberRoleEntity.class),
            OWN_REALM, List.of(List.of("id"), List.of("tenantId", "userId", "roleName")), List.of("id"));
    static final RowKind MODULE_OVERRIDES = new RowKind("moduleOverrides",
            new EntityRows<>(TenancyModuleOverrideEntity.class), OWN_REALM,
            List.of(List.of("id"), List.of("tenantId", "roleName", "moduleName")), List.of("id"));
    static final RowKind INVITATIONS = new RowKind("invitations", new EntityRows<>(TenancyInvitationEntity.class),
            OWN_REALM, List.of(List.of("id"), List.of("tokenHash"), List.of("pendingKey")),
            List.of("id", "tokenHash", "pendingKey"));
    static final RowKind INVITATION_ROLES = new RowKind("invitationRoles",
            new EntityRows<>(TenancyInvitationRoleEntity.class), INVITATION_IN_REALM,
            List.of(List.of("id"), List.of("invitationId", "roleName")), List.of("id"));
    static final RowKind INVITATION_GROUPS = new RowKind("invitationGroups",
            new EntityRows<>(TenancyInvitationGroupEntity.class), INVITATION_IN_REALM,
            List.of(List.of("id"), List.of("invitationId", "groupId")), List.of("id"));
    static final RowKind API_KEYS = new RowKind("apiKeys", new EntityRows<>(TenancyApiKeyEntity.class), OWN_REALM,
            List.of(List.of("id"), List.of("keyHash")), List.of("id", "keyHash"));
    static final RowKind CREDENTIALS = new RowKind("credentials", new EntityRows<>(TenancyCredentialEntity.class),
            OWN_REALM, List.of(List.of("id"), List.of("scope", "ownerId", "provider", "nameKey")), List.of("id"));

    static final RowKind DOMAIN_PROOFS = new RowKind("domainProofs", new EntityRows<>(TenancyDomainProofEntity.class),
            OWN_REALM, List.of(List.of("id"), List.of("domain")), List.of("id"));
    static final RowKind JOIN_POLICIES = new RowKind("joinPolicies", new EntityRows<>(TenancyJoinPolicyEntity.class),
            OWN_REALM, List.of(List.of("id"), List.of("tenantId")), List.of("id", "tenantId"));
    static final RowKind JOIN_REQUESTS = new RowKind("joinRequests", new EntityRows<>(TenancyJoinRequestEntity.class),
            OWN_REALM, List.of(List.of("id"), List.of("tenantId", "userId")), List.of("id"));

    static final List<RowKind> ALL = List.of(MEMBER_ROLES, MODULE_OVERRIDES, INVITATIONS, INVITATION_ROLES,
            INVITATION_GROUPS, API_KEYS, CREDENTIALS, DOMAIN_PROOFS, JOIN_POLICIES, JOIN_REQUESTS);

    /** The realm's rows, a page at a time in id order: those after {@code :after}. */
    String pageQuery() {
        return "select e from " + rows.entityName() + " e where " + realmCondition + " and e.id > :after order by e.id";
    }

    /** Whether the realm holds any row of this kind: the query selects at most one id. */
    String anyQuery() {
        return "select e.id from " + rows.entityName() + " e where " + realmCondition;
    }

    /** Rows of any realm whose {@code field} is one of {@code :values}. */
    String onServerQuery(String field) {
        return "select e." + field + " from " + rows.entityName() + " e where e." + field + " in :values";
    }

    /** The realm's rows with one of the ids {@code :values}. */
    String byIdQuery() {
        return "select e from " + rows.entityName() + " e where " + realmCondition + " and e.id in :values";
    }

    /** The rows with these ids, wherever they are: a single-table query, so that a lock covers all it reads. */
    String byIdAnywhereQuery() {
        return "select e from " + rows.entityName() + " e where e.id in :values";
    }

    boolean hasRealmId() {
        return realmCondition.equals(OWN_REALM);
    }
}
