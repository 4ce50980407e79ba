package dev.tenancy.keycloak.metrics;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;

/**
 * A count that waits for the session's transaction: run after it committed, dropped when it rolls back, as
 * Keycloak's own user-event metrics wait for theirs ({@code enlistAfterCompletion}). Keycloak runs these only
 * once every main transaction committed, so a change the database refused is never counted.
 */
final class AfterCommit extends AbstractKeycloakTransaction {

    private final Runnable count;

    private AfterCommit(Runnable count) {
        this.count = count;
    }

    /** {@code count} after the session's transaction commits; at once when there is no transaction to wait for. */
    static void run(KeycloakSession session, Runnable count) {
        KeycloakTransactionManager transaction = session.getTransactionManager();
        if (transaction.isActive()) {
            transaction.enlistAfterCompletion(new AfterCommit(count));
        } else {
            count.run();
        }
    }

    @Override
    protected void commitImpl() {
        count.run();
    }

    @Override
    protected void rollbackImpl() {
        // Nothing happened, so nothing is counted.
    }
}
