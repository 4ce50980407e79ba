package dev.tenancy.keycloak.invitation;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * JPA access to invitations; every query is bound to one realm. Status changes are single conditional
 * updates ("… where status = 'pending' and token_hash = …"): the database decides which of two racing
 * requests wins, and the loser sees 0 rows changed.
 */
final class InvitationStore {

    private final EntityManager em;
    private final String realmId;

    InvitationStore(KeycloakSession session, String realmId) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realmId = realmId;
    }

    void insert(TenancyInvitationEntity invitation, Collection<String> roles, Collection<String> groupIds) {
        em.persist(invitation);
        for (String role : roles) {
            em.persist(new TenancyInvitationRoleEntity(KeycloakModelUtils.generateId(), invitation.id(), role));
        }
        for (String groupId : groupIds) {
            em.persist(new TenancyInvitationGroupEntity(KeycloakModelUtils.generateId(), invitation.id(), groupId));
        }
        em.flush();
    }

    Optional<TenancyInvitationEntity> find(String tenantId, String id) {
        return em.createNamedQuery("tenancy.invitationById", TenancyInvitationEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("tenantId", tenantId)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    Optional<TenancyInvitationEntity> findByTokenHash(String tokenHash) {
        return em.createNamedQuery("tenancy.invitationByTokenHash", TenancyInvitationEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("tokenHash", tokenHash)
                .getResultStream()
                .findFirst();
    }

    /**
     * Newest first; {@code status} and {@code emailPart} (a substring of the address) are optional. The status
     * filter is the shown one ({@link InvitationStatus#shown}) as of {@code now}, applied by the query so that
     * pages stay whole.
     */
    List<TenancyInvitationEntity> list(String tenantId, InvitationStatus status, String emailPart, int first,
            int max, long now) {
        return em.createNamedQuery("tenancy.invitationsOfTenant", TenancyInvitationEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("tenantId", tenantId)
                .setParameter("status", status == null ? null : status.label())
                .setParameter("now", now)
                .setParameter("email", emailPart == null ? null : "%" + escapeLike(emailPart) + "%")
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    Optional<TenancyInvitationEntity> findPending(String pendingKey) {
        return em.createNamedQuery("tenancy.pendingInvitationByKey", TenancyInvitationEntity.class)
                .setParameter("pendingKey", pendingKey)
                .getResultStream()
                .findFirst();
    }

    /** Up to {@code max} of the realm's pending invitations whose time was up at {@code now}, oldest expiry first. */
    List<TenancyInvitationEntity> due(long now, int max) {
        return em.createNamedQuery("tenancy.invitationsDue", TenancyInvitationEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    /** The realms that have pending invitations whose time was up at {@code now}. */
    static List<String> realmsWithDue(KeycloakSession session, long now) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createNamedQuery("tenancy.realmsWithInvitationsDue", String.class)
                .setParameter("now", now)
                .getResultList();
    }

    /** invitation id → role names, in one query. */
    Map<String, SortedSet<String>> rolesOf(Collection<String> invitationIds) {
        if (invitationIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery("tenancy.rolesOfInvitations", TenancyInvitationRoleEntity.class)
                .setParameter("invitationIds", invitationIds)
                .getResultStream()
                .collect(Collectors.groupingBy(TenancyInvitationRoleEntity::invitationId, Collectors.mapping(
                        TenancyInvitationRoleEntity::roleName, Collectors.toCollection(TreeSet::new))));
    }

    /** invitation id → group ids, in one query. */
    Map<String, SortedSet<String>> groupsOf(Collection<String> invitationIds) {
        if (invitationIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery("tenancy.groupsOfInvitations", TenancyInvitationGroupEntity.class)
                .setParameter("invitationIds", invitationIds)
                .getResultStream()
                .collect(Collectors.groupingBy(TenancyInvitationGroupEntity::invitationId, Collectors.mapping(
                        TenancyInvitationGroupEntity::groupId, Collectors.toCollection(TreeSet::new))));
    }

    /**
     * True when this request accepted the invitation; false when it was no longer pending. The row stays
     * locked until the transaction ends, so a concurrent accept waits and then finds it accepted.
     */
    boolean accept(String id, String tokenHash, long now) {
        return em.createNamedQuery("tenancy.acceptInvitation")
                .setParameter("realmId", realmId).setParameter("id", id).setParameter("tokenHash", tokenHash)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    void acceptedBy(String id, String userId) {
        em.createNamedQuery("tenancy.invitationAcceptedBy")
                .setParameter("realmId", realmId).setParameter("id", id).setParameter("userId", userId)
                .executeUpdate();
    }

    boolean decline(String id, String tokenHash, long now) {
        return em.createNamedQuery("tenancy.declineInvitation")
                .setParameter("realmId", realmId).setParameter("id", id).setParameter("tokenHash", tokenHash)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    boolean revoke(String id, String userId, long now) {
        return em.createNamedQuery("tenancy.revokeInvitation")
                .setParameter("realmId", realmId).setParameter("id", id)
                .setParameter("userId", userId).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Ends a pending invitation whose inviter's authority is gone; see {@link InvitationStatus#VOID}. */
    boolean voidInvitation(String id, long now) {
        return em.createNamedQuery("tenancy.voidInvitation")
                .setParameter("realmId", realmId).setParameter("id", id).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Voids the pending invitations {@code userId} made as a member of the tenant; admin-made ones stay. */
    int voidOfMember(String tenantId, String userId, long now) {
        return em.createNamedQuery("tenancy.voidInvitationsOfMember")
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId)
                .setParameter("userId", userId).setParameter("now", now)
                .executeUpdate();
    }

    /** The same in every tenant of the realm, for a deleted user. */
    int voidOfUser(String userId, long now) {
        return em.createNamedQuery("tenancy.voidInvitationsOfUser")
                .setParameter("realmId", realmId).setParameter("userId", userId).setParameter("now", now)
                .executeUpdate();
    }

    /** Pending, unexpired invitations to {@code email} (lower case), newest first. */
    List<TenancyInvitationEntity> pendingFor(String email, long now) {
        return em.createNamedQuery("tenancy.pendingInvitationsOfEmail", TenancyInvitationEntity.class)
                .setParameter("realmId", realmId).setParameter("email", email).setParameter("now", now)
                .getResultList();
    }

    boolean expire(String id, long now) {
        return em.createNamedQuery("tenancy.expireInvitation")
                .setParameter("realmId", realmId).setParameter("id", id).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * Replaces the token of a pending invitation that has not expired; the old link stops working. By mail,
     * the send counts toward the mail limits under {@code sender}; otherwise the link is marked as shown.
     */
    boolean reissue(String id, String oldHash, String newHash, long now, long expiresAt, boolean byMail,
            String sender) {
        var update = em.createNamedQuery(byMail
                        ? "tenancy.reissueInvitationByMail" : "tenancy.reissueInvitationAsLink")
                .setParameter("realmId", realmId).setParameter("id", id).setParameter("tokenHash", oldHash)
                .setParameter("newHash", newHash).setParameter("now", now).setParameter("expiresAt", expiresAt);
        if (byMail) {
            update.setParameter("sender", sender);
        }
        return update.executeUpdate() == 1;
    }

    /** How many invitations of the tenant were mailed after {@code since}, and the oldest of those mails. */
    MailCount mailsOfTenant(String tenantId, long since) {
        return mailCount(em.createNamedQuery("tenancy.invitationMailsOfTenant", Object[].class)
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId).setParameter("since", since)
                .getSingleResult());
    }

    /** How many invitations {@code sender} mailed in this realm after {@code since}, and the oldest of those. */
    MailCount mailsOfSender(String sender, long since) {
        return mailCount(em.createNamedQuery("tenancy.invitationMailsOfSender", Object[].class)
                .setParameter("realmId", realmId).setParameter("sender", sender).setParameter("since", since)
                .getSingleResult());
    }

    /** @param oldest epoch millis of the oldest mail counted; 0 when none */
    record MailCount(long count, long oldest) {
    }

    private static MailCount mailCount(Object[] row) {
        long count = row[0] == null ? 0 : ((Number) row[0]).longValue();
        long oldest = row[1] == null ? 0 : ((Number) row[1]).longValue();
        return new MailCount(count, oldest);
    }

    /** Forgets loaded entities so that a read after a conditional update sees the database's state. */
    void refresh(TenancyInvitationEntity invitation) {
        em.refresh(invitation);
    }

    void deleteTenant(String tenantId) {
        em.createNamedQuery("tenancy.deleteInvitationRolesOfTenant")
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId).executeUpdate();
        em.createNamedQuery("tenancy.deleteInvitationGroupsOfTenant")
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId).executeUpdate();
        em.createNamedQuery("tenancy.deleteInvitationsOfTenant")
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId).executeUpdate();
    }

    void deleteRealm() {
        em.createNamedQuery("tenancy.deleteInvitationRolesOfRealm").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("tenancy.deleteInvitationGroupsOfRealm").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("tenancy.deleteInvitationsOfRealm").setParameter("realmId", realmId).executeUpdate();
    }

    void deleteGroup(String groupId) {
        em.createNamedQuery("tenancy.deleteInvitationGroupsOfGroup").setParameter("groupId", groupId).executeUpdate();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
