package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.config.ModuleLevel;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/** JPA access to member roles and module overrides; every query is bound to one realm. */
final class TenantStore {

    private final EntityManager em;
    private final String realmId;

    TenantStore(KeycloakSession session, String realmId) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realmId = realmId;
    }

    /** tenant id → roles of the user, in one query. */
    Map<String, SortedSet<String>> rolesOfUser(String userId) {
        return em.createNamedQuery("tenancy.rolesOfUser", TenancyMemberRoleEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getResultStream()
                .collect(Collectors.groupingBy(TenancyMemberRoleEntity::tenantId,
                        Collectors.mapping(TenancyMemberRoleEntity::roleName, Collectors.toCollection(TreeSet::new))));
    }

    /** The members other than {@code userId} who hold one of {@code roles} in the tenant. */
    List<String> otherHolders(String tenantId, String userId, Set<String> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("tenancy.otherHolders", String.class)
                .setParameter("realmId", realmId)
                .setParameter("tenantId", tenantId)
                .setParameter("roles", roles)
                .setParameter("userId", userId)
                .getResultList();
    }

    SortedSet<String> rolesOfMember(String tenantId, String userId) {
        return em.createNamedQuery("tenancy.rolesOfMember", TenancyMemberRoleEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("tenantId", tenantId)
                .setParameter("userId", userId)
                .getResultStream()
                .map(TenancyMemberRoleEntity::roleName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** user id → roles, for a page of members of one tenant, in one query. */
    Map<String, SortedSet<String>> rolesOfMembers(String tenantId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery("tenancy.rolesOfMembers", TenancyMemberRoleEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("tenantId", tenantId)
                .setParameter("userIds", userIds)
                .getResultStream()
                .collect(Collectors.groupingBy(TenancyMemberRoleEntity::userId,
                        Collectors.mapping(TenancyMemberRoleEntity::roleName, Collectors.toCollection(TreeSet::new))));
    }

    /**
     * Removes the roles the member holds but should not, by primary key, and adds the missing ones. Not a delete by
     * tenant and user: on MariaDB/MySQL that takes gap locks even where no row matches, and two such role changes
     * at once (one user, two tenants) deadlock when both then insert into the gap.
     */
    void replaceRolesOfMember(String tenantId, String userId, Set<String> roles) {
        Set<String> held = new TreeSet<>();
        em.createNamedQuery("tenancy.rolesOfMember", TenancyMemberRoleEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("tenantId", tenantId)
                .setParameter("userId", userId)
                .getResultList()
                .forEach(row -> {
                    if (roles.contains(row.roleName())) {
                        held.add(row.roleName());
                    } else {
                        em.remove(row);
                    }
                });
        for (String role : roles) {
            if (!held.contains(role)) {
                em.persist(new TenancyMemberRoleEntity(KeycloakModelUtils.generateId(), realmId, tenantId, userId,
                        role));
            }
        }
        em.flush();
    }

    void deleteRolesOfMember(String tenantId, String userId) {
        em.createNamedQuery("tenancy.deleteRolesOfMember")
                .setParameter("realmId", realmId)
                .setParameter("tenantId", tenantId)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    /** role name → number of assignments in the realm. */
    Map<String, Long> roleHolderCounts() {
        return em.createNamedQuery("tenancy.countRoleHolders", Object[].class)
                .setParameter("realmId", realmId)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }

    /** module → role → level overridden by one tenant. */
    SortedMap<String, SortedMap<String, ModuleLevel>> overridesOfTenant(String tenantId) {
        return toMatrix(em.createNamedQuery("tenancy.overridesOfTenant", TenancyModuleOverrideEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("tenantId", tenantId)
                .getResultList());
    }

    /** tenant id → module → role → level, for every tenant in which the user holds a role, in one query. */
    Map<String, SortedMap<String, SortedMap<String, ModuleLevel>>> overridesForUser(String userId) {
        return em.createNamedQuery("tenancy.overridesForUser", TenancyModuleOverrideEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getResultStream()
                .collect(Collectors.groupingBy(TenancyModuleOverrideEntity::tenantId,
                        Collectors.collectingAndThen(Collectors.toList(), TenantStore::toMatrix)));
    }

    void replaceOverrides(String tenantId, Map<String, ? extends Map<String, ModuleLevel>> overrides) {
        em.createNamedQuery("tenancy.deleteOverridesOfTenant")
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId).executeUpdate();
        overrides.forEach((module, levels) -> levels.forEach((role, level) -> em.persist(new TenancyModuleOverrideEntity(
                KeycloakModelUtils.generateId(), realmId, tenantId, role, module, level.label()))));
        em.flush();
    }

    void deleteOverridesOf(Collection<String> roles, Collection<String> modules) {
        if (!modules.isEmpty()) {
            em.createNamedQuery("tenancy.deleteOverridesOfModules")
                    .setParameter("realmId", realmId).setParameter("modules", modules).executeUpdate();
        }
        if (!roles.isEmpty()) {
            em.createNamedQuery("tenancy.deleteOverridesOfRoles")
                    .setParameter("realmId", realmId).setParameter("roles", roles).executeUpdate();
        }
    }

    void deleteTenant(String tenantId) {
        em.createNamedQuery("tenancy.deleteRolesOfTenant")
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId).executeUpdate();
        em.createNamedQuery("tenancy.deleteOverridesOfTenant")
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId).executeUpdate();
    }

    void deleteUser(String userId) {
        em.createNamedQuery("tenancy.deleteRolesOfUser")
                .setParameter("realmId", realmId).setParameter("userId", userId).executeUpdate();
    }

    void deleteRealm() {
        em.createNamedQuery("tenancy.deleteRolesOfRealm").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("tenancy.deleteOverridesOfRealm").setParameter("realmId", realmId).executeUpdate();
    }

    private static SortedMap<String, SortedMap<String, ModuleLevel>> toMatrix(List<TenancyModuleOverrideEntity> rows) {
        SortedMap<String, SortedMap<String, ModuleLevel>> matrix = new TreeMap<>();
        for (TenancyModuleOverrideEntity row : rows) {
            ModuleLevel.parse(row.level()).ifPresent(level ->
                    matrix.computeIfAbsent(row.moduleName(), module -> new TreeMap<>()).put(row.roleName(), level));
        }
        return matrix;
    }
}
