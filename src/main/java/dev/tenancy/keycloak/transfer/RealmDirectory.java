package dev.tenancy.keycloak.transfer;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of Keycloak's organizations, users and groups a realm holds, read in a few queries (chunks of ids), never one
 * query per row: an export of a thousand tenants refers to thousands of them.
 */
final class RealmDirectory {

    private static final int CHUNK = 500;

    private final EntityManager em;
    private final String realmId;

    RealmDirectory(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    /** id → alias of every organization of the realm. */
    Map<String, String> organizations() {
        Map<String, String> aliases = new HashMap<>();
        em.createQuery("select o.id, o.alias from OrganizationEntity o where o.realmId = :realmId", Object[].class)
                .setParameter("realmId", realmId)
                .getResultStream()
                .forEach(row -> aliases.put((String) row[0], (String) row[1]));
        return aliases;
    }

    /** id → username of those of {@code ids} that are users of the realm. */
    Map<String, String> users(Collection<String> ids) {
        return named("select u.id, u.username from UserEntity u where u.realmId = :realmId and u.id in :ids", ids);
    }

    /** id → name of those of {@code ids} that are groups of the realm (not an organization's internal group). */
    Map<String, String> groups(Collection<String> ids) {
        return named("select g.id, g.name from GroupEntity g where g.realm = :realmId and g.type = 0 and g.id in :ids",
                ids);
    }

    /**
     * The memberships of those of {@code organizationIds} that are the realm's, as {@link #membership(String, String)}
     * texts: Keycloak keeps an organization's members in the organization's internal group.
     */
    Set<String> memberships(Collection<String> organizationIds) {
        Set<String> memberships = new HashSet<>();
        List<String> all = new ArrayList<>(organizationIds);
        for (int from = 0; from < all.size(); from += CHUNK) {
            em.createQuery("select o.id, m.user.id from OrganizationEntity o, UserGroupMembershipEntity m"
                            + " where o.realmId = :realmId and o.id in :ids and m.groupId = o.groupId", Object[].class)
                    .setParameter("realmId", realmId)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .getResultStream()
                    .forEach(row -> memberships.add(membership((String) row[0], (String) row[1])));
        }
        return memberships;
    }

    static String membership(String organizationId, String userId) {
        return organizationId + "\n" + userId;
    }

    private Map<String, String> named(String query, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            em.createQuery(query, Object[].class)
                    .setParameter("realmId", realmId)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .getResultStream()
                    .forEach(row -> names.put((String) row[0], (String) row[1]));
        }
        return names;
    }
}
