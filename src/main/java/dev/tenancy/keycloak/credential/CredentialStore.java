package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.credential.crypto.SealedSecret;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** JPA access to stored credentials; every query is bound to one realm, and to the owner where one applies. */
final class CredentialStore {

    /** {@code LAST_USED_AT} is written at most this often per credential. */
    static final long TOUCH_INTERVAL_MILLIS = 60_000;

    private final EntityManager em;
    private final String realmId;

    CredentialStore(KeycloakSession session, String realmId) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realmId = realmId;
    }

    /** False when the owner has a credential of that provider and name already (also when another request won). */
    boolean insert(TenancyCredentialEntity credential) {
        if (findByName(credential.scope(), credential.ownerId(), credential.provider(), credential.name()).isPresent()) {
            return false;
        }
        try {
            em.persist(credential);
            em.flush();
            return true;
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                // The unique key caught a concurrent insert; the transaction is rolled back with the 409.
                return false;
            }
            throw e;
        }
    }

    /** Writes pending changes; false when a rewrap (or another request) changed the row since it was read. */
    boolean flush() {
        try {
            em.flush();
            return true;
        } catch (OptimisticLockException e) {
            return false;
        }
    }

    /** SQL state class 23, integrity constraint violation, the same on every database. */
    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    Optional<TenancyCredentialEntity> find(CredentialOwner owner, String id) {
        return em.createNamedQuery("tenancy.credentialOfOwner", TenancyCredentialEntity.class)
                .setParameter("realmId", realmId).setParameter("scope", owner.scope())
                .setParameter("ownerId", owner.id()).setParameter("id", id)
                .getResultStream().findFirst();
    }

    Optional<TenancyCredentialEntity> findInRealm(String id) {
        return em.createNamedQuery("tenancy.credentialInRealm", TenancyCredentialEntity.class)
                .setParameter("realmId", realmId).setParameter("id", id)
                .getResultStream().findFirst();
    }

    /** The owner's credential of that provider and name, whatever the case of the name. */
    Optional<TenancyCredentialEntity> findByName(CredentialScope scope, String ownerId, String provider, String name) {
        return em.createNamedQuery("tenancy.credentialByName", TenancyCredentialEntity.class)
                .setParameter("realmId", realmId).setParameter("scope", scope).setParameter("ownerId", ownerId)
                .setParameter("provider", provider).setParameter("nameKey", TenancyCredentialEntity.nameKey(name))
                .getResultStream().findFirst();
    }

    /** The realm's credentials, narrowed by each filter that is present, ordered by provider and name. */
    List<TenancyCredentialEntity> list(CredentialFilter filter, int first, int max) {
        StringBuilder jpql = new StringBuilder("select c from TenancyCredential c where c.realmId = :realmId");
        filter.scope().ifPresent(scope -> jpql.append(" and c.scope = :scope"));
        filter.ownerId().ifPresent(owner -> jpql.append(" and c.ownerId = :ownerId"));
        filter.provider().ifPresent(provider -> jpql.append(" and c.provider = :provider"));
        filter.type().ifPresent(type -> jpql.append(" and c.type = :type"));
        jpql.append(" order by c.scope, c.ownerId, c.provider, c.name, c.id");
        TypedQuery<TenancyCredentialEntity> query = em.createQuery(jpql.toString(), TenancyCredentialEntity.class)
                .setParameter("realmId", realmId);
        filter.scope().ifPresent(scope -> query.setParameter("scope", scope));
        filter.ownerId().ifPresent(owner -> query.setParameter("ownerId", owner));
        filter.provider().ifPresent(provider -> query.setParameter("provider", provider));
        filter.type().ifPresent(type -> query.setParameter("type", type));
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** False when a rewrap (or another request) changed the row since it was read. */
    boolean delete(TenancyCredentialEntity credential) {
        em.remove(credential);
        return flush();
    }

    /** Records a read, unless one was recorded within the last minute (then nothing is written). */
    void touch(TenancyCredentialEntity credential, long now) {
        Long last = credential.lastUsedAt();
        if (last == null || last < now - TOUCH_INTERVAL_MILLIS) {
            em.createNamedQuery("tenancy.touchCredential")
                    .setParameter("realmId", realmId).setParameter("id", credential.id()).setParameter("now", now)
                    .setParameter("before", now - TOUCH_INTERVAL_MILLIS)
                    .executeUpdate();
        }
    }

    /** KEK version → number of this realm's credentials whose data key it wraps. */
    SortedMap<Integer, Long> countByKeyVersion() {
        SortedMap<Integer, Long> counts = new TreeMap<>();
        em.createNamedQuery("tenancy.credentialKeyVersions", Object[].class)
                .setParameter("realmId", realmId)
                .getResultList()
                .forEach(row -> counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    /** How many of this realm's credentials are sealed under a binding version other than {@code binding}. */
    long countToRebind(int binding) {
        return em.createNamedQuery("tenancy.credentialsToRebind", Long.class)
                .setParameter("realmId", realmId).setParameter("binding", binding).getSingleResult();
    }

    /** How many credentials {@link #toRewrap} has ahead of it from the start: the work of a rewrap run. */
    long countToRewrap(int target, int binding) {
        return em.createNamedQuery("tenancy.countCredentialsToRewrap", Long.class)
                .setParameter("realmId", realmId).setParameter("target", target).setParameter("binding", binding)
                .getSingleResult();
    }

    /**
     * The next credentials, by id after {@code afterId} (null: from the start), whose data key is not wrapped by
     * {@code target} or whose value is not sealed under binding version {@code binding}.
     */
    List<TenancyCredentialEntity> toRewrap(int target, int binding, String afterId, int max) {
        TypedQuery<TenancyCredentialEntity> query = afterId == null
                ? em.createNamedQuery("tenancy.firstCredentialsToRewrap", TenancyCredentialEntity.class)
                : em.createNamedQuery("tenancy.nextCredentialsToRewrap", TenancyCredentialEntity.class)
                        .setParameter("after", afterId);
        return query.setParameter("realmId", realmId).setParameter("target", target).setParameter("binding", binding)
                .setMaxResults(max).getResultList();
    }

    /**
     * Replaces the wrapped data key, unless the row changed since it was read (a new value was stored
     * meanwhile); false then, and the row is left as the other writer left it.
     */
    boolean rewrap(TenancyCredentialEntity read, String wrappedKey, int target) {
        return em.createNamedQuery("tenancy.rewrapCredential")
                .setParameter("realmId", realmId).setParameter("id", read.id()).setParameter("version", read.kekVersion())
                .setParameter("previous", read.wrappedKey())
                .setParameter("binding", read.bindingVersion())
                .setParameter("wrappedKey", wrappedKey).setParameter("target", target)
                .executeUpdate() == 1;
    }

    /** Replaces the whole sealed value (a move to another binding version), unless the row changed since it was read. */
    boolean rebind(TenancyCredentialEntity read, SealedSecret sealed, int binding) {
        return em.createNamedQuery("tenancy.rebindCredential")
                .setParameter("realmId", realmId).setParameter("id", read.id()).setParameter("version", read.kekVersion())
                .setParameter("previous", read.wrappedKey()).setParameter("from", read.bindingVersion())
                .setParameter("ciphertext", sealed.ciphertext()).setParameter("wrappedKey", sealed.wrappedKey())
                .setParameter("target", sealed.kekVersion()).setParameter("binding", binding)
                .executeUpdate() == 1;
    }

    void deleteOwner(CredentialScope scope, String ownerId) {
        em.createNamedQuery("tenancy.deleteCredentialsOfOwner")
                .setParameter("realmId", realmId).setParameter("scope", scope).setParameter("ownerId", ownerId)
                .executeUpdate();
    }

    void deleteRealm() {
        em.createNamedQuery("tenancy.deleteCredentialsOfRealm").setParameter("realmId", realmId).executeUpdate();
    }

    void detach(TenancyCredentialEntity credential) {
        em.detach(credential);
    }
}
