package dev.tenancy.keycloak.transfer;

import dev.tenancy.keycloak.config.TenancyConfig;
import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.join.JoinService;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * The admin API's rules, applied to the rows of an import into a realm without tenancy data: what they refer to is
 * the realm's (organizations, users, groups other than an organization's own), a tenant role belongs to a member and
 * an active tenant key to a member, role and module names are the realm's configuration's, and the caller may put
 * invitees into each group. The realm's state is read in a few queries, never per row.
 */
final class ImportRules {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final RealmDirectory directory;

    ImportRules(KeycloakSession session, EntityManager em, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.directory = new RealmDirectory(em, realm.getId());
    }

    void require(TransferDocument document, Map<RowKind, ParsedRows> parsed) {
        References referenced = new References();
        parsed.values().forEach(rows -> rows.rows().forEach(row -> referenced.note(rows.kind(), row)));
        requirePresent(document, referenced);
        requireFitting(parsed, referenced);
        requireMayAssign(referenced.groups());
    }

    /** Every organization, user and group the rows point at is the realm's: 409 naming the first five missing. */
    private void requirePresent(TransferDocument document, References referenced) {
        List<String> missing = new ArrayList<>();
        Set<String> organizations = directory.organizations().keySet();
        new TreeSet<>(referenced.organizations()).stream().filter(id -> !organizations.contains(id))
                .forEach(id -> missing.add("organization " + described(document.organizationName(id), id)));
        Set<String> users = directory.users(referenced.users()).keySet();
        new TreeSet<>(referenced.users()).stream().filter(id -> !users.contains(id))
                .forEach(id -> missing.add("user " + described(document.userName(id), id)));
        Set<String> groups = directory.groups(referenced.groups()).keySet();
        new TreeSet<>(referenced.groups()).stream().filter(id -> !groups.contains(id))
                .forEach(id -> missing.add("group " + described(document.groupName(id), id)));
        if (!missing.isEmpty()) {
            throw TenancyException.conflict("The realm lacks " + missing.size() + " of the organizations, users or "
                    + "groups the file refers to (" + TransferImport.named(missing) + "). Import Keycloak's export of "
                    + "the realm with its users first; nothing was imported.");
        }
    }

    private static String described(String name, String id) {
        return name == null ? "'" + id + "'" : "'" + name + "' (id " + id + ")";
    }

    /** Memberships, role and module names as the admin API would have them: 409 naming the first five rows. */
    private void requireFitting(Map<RowKind, ParsedRows> parsed, References referenced) {
        TenancyConfig config = TenancyConfigAttribute.read(realm);
        Set<String> memberships = directory.memberships(referenced.organizations());
        List<String> unfit = new ArrayList<>();
        ParsedRows memberRoles = parsed.get(RowKind.MEMBER_ROLES);
        for (int i = 0; i < memberRoles.size(); i++) {
            if (!memberships.contains(RealmDirectory.membership(memberRoles.text(i, "tenantId"),
                    memberRoles.text(i, "userId")))) {
                unfit.add(memberRoles.path(i) + ": the user is no member of the organization");
            }
            requireRole(config, memberRoles, i, unfit);
        }
        ParsedRows overrides = parsed.get(RowKind.MODULE_OVERRIDES);
        for (int i = 0; i < overrides.size(); i++) {
            requireRole(config, overrides, i, unfit);
            if (!config.hasModule(overrides.text(i, "moduleName"))) {
                unfit.add(overrides.path(i) + ": module '" + overrides.text(i, "moduleName") + "' is not configured");
            }
        }
        ParsedRows invitationRoles = parsed.get(RowKind.INVITATION_ROLES);
        for (int i = 0; i < invitationRoles.size(); i++) {
            requireRole(config, invitationRoles, i, unfit);
        }
        ParsedRows joinPolicies = parsed.get(RowKind.JOIN_POLICIES);
        for (int i = 0; i < joinPolicies.size(); i++) {
            String path = joinPolicies.path(i);
            JoinService.unfitAsDefault(config, joinPolicies.text(i, "defaultRole"))
                    .ifPresent(problem -> unfit.add(path + ": " + problem));
        }
        ParsedRows keys = parsed.get(RowKind.API_KEYS);
        for (int i = 0; i < keys.size(); i++) {
            String tenant = keys.text(i, "tenantId");
            boolean active = keys.rows().get(i).path("revokedAt").isNull();
            if (tenant != null && active
                    && !memberships.contains(RealmDirectory.membership(tenant, keys.text(i, "userId")))) {
                unfit.add(keys.path(i) + ": an unrevoked key of a user who is no member of its organization");
            }
        }
        if (!unfit.isEmpty()) {
            throw TenancyException.conflict(unfit.size() + " rows of the file do not fit the realm's members or "
                    + "tenancy configuration (" + TransferImport.named(unfit) + "). Import Keycloak's export of the "
                    + "realm — its organizations' members and the realm attribute tenancy.config — first; nothing was "
                    + "imported.");
        }
    }

    private static void requireRole(TenancyConfig config, ParsedRows rows, int index, List<String> unfit) {
        String role = rows.text(index, "roleName");
        if (!config.hasRole(role)) {
            unfit.add(rows.path(index) + ": role '" + role + "' is not configured");
        }
    }

    /** As on the admin API, an invitation may put its invitee only into groups whose membership the caller manages. */
    private void requireMayAssign(Set<String> groupIds) {
        for (String id : new TreeSet<>(groupIds)) {
            GroupModel group = session.groups().getGroupById(realm, id);
            if (!auth.groups().canManageMembership(group)) {
                throw TenancyException.forbidden("The file's invitations put invitees into group '"
                        + KeycloakModelUtils.buildGroupPath(group) + "', whose membership you may not manage; nothing "
                        + "was imported");
            }
        }
    }
}
