package dev.tenancy.keycloak.apikey;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** JPA access to API keys; every query is bound to one realm, and to the owner or tenant where one applies. */
final class ApiKeyStore {

    /** {@code LAST_USED_AT} is written at most this often per key. */
    static final long TOUCH_INTERVAL_MILLIS = 60_000;

    private final EntityManager em;
    private final String realmId;

    ApiKeyStore(KeycloakSession session, String realmId) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realmId = realmId;
    }

    void insert(TenancyApiKeyEntity key) {
        em.persist(key);
        em.flush();
    }

    /** The key of this realm with this hash; another realm's key is not found. */
    Optional<TenancyApiKeyEntity> findByHash(String keyHash) {
        return em.createNamedQuery("tenancy.apiKeyByHash", TenancyApiKeyEntity.class)
                .setParameter("keyHash", keyHash)
                .getResultStream()
                .filter(key -> realmId.equals(key.realmId()))
                .findFirst();
    }

    /** The key of this realm with this id; another realm's key is not found. */
    Optional<TenancyApiKeyEntity> findById(String id) {
        return Optional.ofNullable(em.find(TenancyApiKeyEntity.class, id)).filter(key -> realmId.equals(key.realmId()));
    }

    Optional<TenancyApiKeyEntity> findOfUser(String userId, String id) {
        return em.createNamedQuery("tenancy.apiKeyOfUser", TenancyApiKeyEntity.class)
                .setParameter("realmId", realmId).setParameter("userId", userId).setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    Optional<TenancyApiKeyEntity> findOfTenant(String tenantId, String id) {
        return em.createNamedQuery("tenancy.apiKeyOfTenant", TenancyApiKeyEntity.class)
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId).setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    List<TenancyApiKeyEntity> listOfUser(String userId, int first, int max) {
        return em.createNamedQuery("tenancy.apiKeysOfUser", TenancyApiKeyEntity.class)
                .setParameter("realmId", realmId).setParameter("userId", userId)
                .setFirstResult(first).setMaxResults(max)
                .getResultList();
    }

    List<TenancyApiKeyEntity> listOfUserInTenant(String userId, String tenantId, int first, int max) {
        return em.createNamedQuery("tenancy.apiKeysOfUserInTenant", TenancyApiKeyEntity.class)
                .setParameter("realmId", realmId).setParameter("userId", userId).setParameter("tenantId", tenantId)
                .setFirstResult(first).setMaxResults(max)
                .getResultList();
    }

    List<TenancyApiKeyEntity> listOfTenant(String tenantId, int first, int max) {
        return em.createNamedQuery("tenancy.apiKeysOfTenant", TenancyApiKeyEntity.class)
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId)
                .setFirstResult(first).setMaxResults(max)
                .getResultList();
    }

    /** False when the key was revoked already. */
    boolean revoke(String id, String actorId, long now) {
        return em.createNamedQuery("tenancy.revokeApiKey")
                .setParameter("realmId", realmId).setParameter("id", id)
                .setParameter("actorId", actorId).setParameter("now", now)
                .executeUpdate() == 1;
    }

    void revokeOfMember(String tenantId, String userId, long now) {
        em.createNamedQuery("tenancy.revokeApiKeysOfMember")
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId)
                .setParameter("userId", userId).setParameter("now", now)
                .executeUpdate();
    }

    /** Marks {@code id} as replaced, working until {@code graceEnd}; false when revoked or replaced already. */
    boolean replace(String id, String replacementId, long graceEnd) {
        return em.createNamedQuery("tenancy.replaceApiKey")
                .setParameter("realmId", realmId).setParameter("id", id)
                .setParameter("replacement", replacementId).setParameter("graceEnd", graceEnd)
                .executeUpdate() == 1;
    }

    /** Records a use, unless one was recorded within the last minute (then nothing is written). */
    void touch(TenancyApiKeyEntity key, long now) {
        Long last = key.lastUsedAt();
        if (last == null || last < now - TOUCH_INTERVAL_MILLIS) {
            em.createNamedQuery("tenancy.touchApiKey")
                    .setParameter("id", key.id()).setParameter("now", now)
                    .setParameter("before", now - TOUCH_INTERVAL_MILLIS)
                    .executeUpdate();
        }
    }

    void refresh(TenancyApiKeyEntity key) {
        em.refresh(key);
    }

    void deleteTenant(String tenantId) {
        em.createNamedQuery("tenancy.deleteApiKeysOfTenant")
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId).executeUpdate();
    }

    void deleteUser(String userId) {
        em.createNamedQuery("tenancy.deleteApiKeysOfUser")
                .setParameter("realmId", realmId).setParameter("userId", userId).executeUpdate();
    }

    void deleteRealm() {
        em.createNamedQuery("tenancy.deleteApiKeysOfRealm").setParameter("realmId", realmId).executeUpdate();
    }
}
