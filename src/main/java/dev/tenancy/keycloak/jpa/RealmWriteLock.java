package dev.tenancy.keycloak.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Serialises changes that must see each other across the whole realm and every node (an import into an empty
 * realm, a domain given to one tenant only): a write lock on the realm's own row, held until the transaction
 * ends. Keycloak's own changes of the realm wait for it too, so it is taken late and held briefly.
 */
public final class RealmWriteLock {

    private RealmWriteLock() {
    }

    public static void hold(EntityManager em, String realmId) {
        em.createQuery("select r.id from RealmEntity r where r.id = :realmId", String.class)
                .setParameter("realmId", realmId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }
}
