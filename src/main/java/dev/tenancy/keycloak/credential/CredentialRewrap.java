package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.credential.crypto.CredentialBinding;
import dev.tenancy.keycloak.credential.crypto.CredentialDecryptionException;
import dev.tenancy.keycloak.credential.crypto.Envelope;
import dev.tenancy.keycloak.credential.crypto.KeyEncryptionKey;
import dev.tenancy.keycloak.credential.crypto.KeyEncryptionKeyUnavailableException;
import dev.tenancy.keycloak.credential.crypto.SealedSecret;
import dev.tenancy.keycloak.metrics.TenancyMetrics;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Re-wraps the data keys of a realm's credentials under the realm's primary KEK version, and moves rows sealed
 * under an older {@link CredentialBinding} version to the current one, in the background, one batch per
 * transaction. A re-wrap decrypts only data keys, in memory; a move to the current binding must decrypt the
 * value too (the binding is authenticated with it) and seals it again at once, the value living in memory
 * only meanwhile, and only for rows of the older binding. The work left is what the rows say (their KEK and
 * binding versions), so a run stopped by a crash or restart is resumed by starting another: rows done stay
 * done. One node of the cluster runs it per realm at a time, and every node shows its progress
 * ({@link RewrapRuns}).
 */
final class CredentialRewrap {

    private static final Logger LOG = Logger.getLogger(CredentialRewrap.class);

    private CredentialRewrap() {
    }

    /** The realm's latest run in the cluster, if any (finished runs are kept for a day). */
    static Optional<RewrapProgress.Representation> latest(KeycloakSession session, RealmModel realm) {
        return RewrapRuns.of(session).latest(realm.getId());
    }

    /**
     * Starts a run towards {@code target} on this node, unless a node of the cluster runs one already; returns
     * the run either way.
     */
    static RewrapProgress.Representation start(KeycloakSession session, RealmModel realm, int target) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        TenancyMetrics metrics = TenancyMetrics.of(factory);
        String realmId = realm.getId();
        RewrapRuns runs = RewrapRuns.of(session);
        if (!runs.claim(realmId)) {
            return runs.latest(realmId).orElseGet(() -> {
                RewrapProgress elsewhere = new RewrapProgress(target, realm.getName(), RewrapProgress.UNCOUNTED,
                        metrics);
                elsewhere.finish(RewrapProgress.State.RUNNING_ELSEWHERE,
                        "Another node is starting a rewrap of this realm's credentials");
                return elsewhere.representation();
            });
        }
        DefaultTenancyCredentialStoreFactory node = DefaultTenancyCredentialStoreFactory.of(factory);
        RewrapProgress fresh;
        try {
            // The backlog gauge's starting point: one count per run, and only when there is a gauge to feed.
            long toDo = metrics.enabled() ? new CredentialStore(session, realmId)
                    .countToRewrap(target, CredentialBinding.CURRENT) : RewrapProgress.UNCOUNTED;
            fresh = new RewrapProgress(target, realm.getName(), toDo, metrics);
        } catch (RuntimeException e) {
            runs.release(realmId);
            throw e;
        }
        metrics.rewrapStarted(realm.getName());
        RewrapSettings settings = node.rewrapSettings();
        try {
            runs.publish(realmId, fresh);
            node.runningHere().add(fresh);
            session.getProvider(ExecutorsProvider.class).getExecutor("tenancy-credential-rewrap")
                    .execute(() -> runClaimed(factory, realmId, fresh, settings, runs));
        } catch (RuntimeException e) {
            fresh.finish(RewrapProgress.State.FAILED, "Could not start: " + e.getMessage());
            node.runningHere().remove(fresh);
            runs.publish(realmId, fresh);
            runs.release(realmId);
            throw e;
        }
        return fresh.representation();
    }

    private static void runClaimed(KeycloakSessionFactory factory, String realmId, RewrapProgress progress,
            RewrapSettings settings, RewrapRuns runs) {
        try {
            run(factory, realmId, progress, settings, runs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.finish(RewrapProgress.State.FAILED, "Interrupted; start the rewrap again to resume");
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rewrap of the credentials of realm %s stopped", realmId);
            progress.finish(RewrapProgress.State.FAILED, "Stopped: " + e.getMessage()
                    + "; start the rewrap again to resume where it stopped");
        } finally {
            if (progress.running()) {
                // An Error: never leave a run that blocks the next one.
                progress.finish(RewrapProgress.State.FAILED, "Stopped unexpectedly; start the rewrap again to resume");
            }
            DefaultTenancyCredentialStoreFactory.of(factory).runningHere().remove(progress);
            try {
                runs.publish(realmId, progress);
            } finally {
                runs.release(realmId);
            }
        }
    }

    private static void run(KeycloakSessionFactory factory, String realmId, RewrapProgress progress,
            RewrapSettings settings, RewrapRuns runs) throws InterruptedException {
        String after = null;
        while (true) {
            String from = after;
            Batch batch = KeycloakModelUtils.runJobInTransactionWithResult(factory, session ->
                    batch(session, realmId, progress.targetVersion(), from, settings));
            if (batch.primaryChanged()) {
                progress.finish(RewrapProgress.State.FAILED, "The realm's primary KEK version changed during the"
                        + " rewrap; start the rewrap again to move everything to the new primary");
                return;
            }
            progress.batch(batch.rewrapped(), batch.rebound(), batch.changed(), batch.unreadable());
            if (batch.size() < settings.batchSize()) {
                break;
            }
            runs.publish(realmId, progress);
            after = batch.lastId();
            if (settings.pauseMillis() > 0) {
                Thread.sleep(settings.pauseMillis());
            }
        }
        progress.finish(RewrapProgress.State.COMPLETED, null);
        LOG.infof("Rewrapped %d credentials of realm %s under KEK version %d, %d of them moved to binding version %d",
                progress.rewrapped(), realmId, progress.targetVersion(), progress.rebound(), CredentialBinding.CURRENT);
    }

    private record Batch(int size, String lastId, long rewrapped, long rebound, long changed, long unreadable,
            boolean primaryChanged) {

        static Batch stop(String after) {
            return new Batch(0, after, 0, 0, 0, 0, true);
        }
    }

    private static Batch batch(KeycloakSession session, String realmId, int target, String after,
            RewrapSettings settings) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return new Batch(0, after, 0, 0, 0, 0, false);
        }
        // KEK providers may read per realm (the vault does).
        session.getContext().setRealm(realm);
        RealmKeys keys = new RealmKeys(session, realm);
        // A rotation during the run: moving rows to the old target would undo it.
        if (keys.primaryVersion() != target) {
            return Batch.stop(after);
        }
        KeyEncryptionKey targetKey = keys.version(target).orElseThrow(() -> new KeyEncryptionKeyUnavailableException(
                "KEK version " + target + " is not configured on this node or is retired"));
        CredentialStore store = new CredentialStore(session, realmId);
        List<TenancyCredentialEntity> credentials = store.toRewrap(target, CredentialBinding.CURRENT, after,
                settings.batchSize());
        long rewrapped = 0;
        long rebound = 0;
        long changed = 0;
        long unreadable = 0;
        for (TenancyCredentialEntity credential : credentials) {
            SealedSecret sealed = new SealedSecret(credential.ciphertext(), credential.wrappedKey(),
                    credential.kekVersion());
            try {
                boolean moved;
                if (credential.bindingVersion() != CredentialBinding.CURRENT) {
                    moved = store.rebind(credential, Envelope.rebind(sealed, credential.binding(),
                            credential.binding(CredentialBinding.CURRENT), keys, targetKey), CredentialBinding.CURRENT);
                    rebound += moved ? 1 : 0;
                } else {
                    moved = store.rewrap(credential, Envelope.rewrap(sealed, credential.binding(), keys, targetKey)
                            .wrappedKey(), target);
                }
                if (moved) {
                    rewrapped++;
                } else {
                    changed++;
                }
            } catch (CredentialDecryptionException e) {
                unreadable++;
                LOG.warnf("Credential %s of realm %s was not rewrapped: %s", credential.id(), realmId, e.getMessage());
            }
            store.detach(credential);
        }
        String last = credentials.isEmpty() ? after : credentials.get(credentials.size() - 1).id();
        return new Batch(credentials.size(), last, rewrapped, rebound, changed, unreadable, false);
    }
}
