package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.audit.TenancyAudit;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * Records the expiry of pending invitations whose time is up, so that reading invitations never writes. Runs on
 * one node of the cluster per interval (Keycloak's {@link ClusterAwareScheduledTaskRunner}, as Keycloak clears
 * its expired events), realm by realm in batches of {@value #BATCH_SIZE}, each batch its own transaction, at most
 * {@value #MAX_BATCHES_PER_REALM} batches per realm per run: a backlog is worked off over several runs.
 */
public final class InvitationExpiryTask implements ScheduledTask {

    /** The name in Keycloak's timer; the probe of the tests finds the task by it. */
    public static final String NAME = "tenancy-invitation-expiry";
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);
    static final int BATCH_SIZE = 100;
    static final int MAX_BATCHES_PER_REALM = 50;

    private static final Logger LOG = Logger.getLogger(InvitationExpiryTask.class);

    public static void schedule(KeycloakSessionFactory factory, Duration interval) {
        try (KeycloakSession session = factory.create()) {
            session.getProvider(TimerProvider.class).schedule(
                    new ClusterAwareScheduledTaskRunner(factory, new InvitationExpiryTask(), interval.toMillis()),
                    interval.toMillis());
        }
        LOG.debugf("Invitation expiry scheduled every %s", interval);
    }

    @Override
    public void run(KeycloakSession session) {
        long now = System.currentTimeMillis();
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        for (String realmId : InvitationStore.realmsWithDue(session, now)) {
            try {
                int expired = expireIn(factory, realmId, now);
                LOG.debugf("Recorded the expiry of %d invitations in realm %s", expired, realmId);
            } catch (RuntimeException e) {
                // One realm's failure (a failing event listener, say) must not hold up the others; reads show
                // the expiry meanwhile, and the next run tries again.
                LOG.warnf(e, "Could not record the expiry of invitations in realm %s", realmId);
            }
        }
    }

    private static int expireIn(KeycloakSessionFactory factory, String realmId, long now) {
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_REALM; batch++) {
            int seen = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null) {
                    return 0;
                }
                session.getContext().setRealm(realm);
                InvitationStore store = new InvitationStore(session, realmId);
                InvitationExpiry expiry = new InvitationExpiry(session, realm, store,
                        TenancyAudit.bySystem(session, realm));
                List<TenancyInvitationEntity> due = store.due(now, BATCH_SIZE);
                due.forEach(invitation -> expiry.expireIfDue(invitation, now));
                return due.size();
            });
            total += seen;
            if (seen < BATCH_SIZE) {
                break;
            }
        }
        return total;
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
