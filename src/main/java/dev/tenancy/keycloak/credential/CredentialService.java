package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResourceType;
import dev.tenancy.keycloak.credential.crypto.CredentialBinding;
import dev.tenancy.keycloak.credential.crypto.CredentialDecryptionException;
import dev.tenancy.keycloak.credential.crypto.Envelope;
import dev.tenancy.keycloak.credential.crypto.KeyEncryptionKeyUnavailableException;
import dev.tenancy.keycloak.credential.crypto.SealedSecret;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.metrics.RevealOutcome;
import dev.tenancy.keycloak.metrics.RevealScope;
import dev.tenancy.keycloak.metrics.TenancyMetrics;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Storing, changing, revealing and removing credentials of one realm. Callers have checked who may act on
 * which owner; this class seals every value under a fresh data key, never returns a value except from
 * {@link #reveal}, and raises an admin event for every change and every reveal, with the actor as its author.
 */
final class CredentialService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final CredentialStore store;
    private final Supplier<RealmKeys> keys;
    private final TenancyAudit audit;
    private final UnreadableCredentialReport unreadable;

    CredentialService(KeycloakSession session, RealmModel realm, TenancyAudit audit,
            UnreadableCredentialReport.Detail unreadableDetail) {
        this.session = session;
        this.realm = realm;
        this.unreadable = new UnreadableCredentialReport(session, realm, audit, unreadableDetail);
        this.store = new CredentialStore(session, realm.getId());
        this.keys = () -> new RealmKeys(session, realm);
        this.audit = audit;
    }

    CredentialView create(CredentialOwner owner, CredentialInput.Create input, UserModel actor) {
        long now = System.currentTimeMillis();
        TenancyCredentialEntity credential = new TenancyCredentialEntity(KeycloakModelUtils.generateId(),
                realm.getId(), owner.scope(), owner.id(), input.name(), input.provider(), input.type(),
                actor == null ? null : actor.getId(), now);
        seal(credential, input.value());
        describe(credential, input.description());
        if (!store.insert(credential)) {
            throw TenancyException.conflict("A credential named '" + input.name() + "' of provider '"
                    + input.provider() + "' exists already for this owner");
        }
        CredentialView view = CredentialView.of(credential);
        event(OperationType.CREATE, view);
        return view;
    }

    List<CredentialView> list(CredentialFilter filter, int first, int max) {
        return store.list(filter, first, max).stream().map(CredentialView::of).toList();
    }

    TenancyCredentialEntity require(CredentialOwner owner, String id) {
        return store.find(owner, checkedId(id)).orElseThrow(CredentialService::notFound);
    }

    TenancyCredentialEntity requireInRealm(String id) {
        return store.findInRealm(checkedId(id)).orElseThrow(CredentialService::notFound);
    }

    /** Applies the present fields; a value seals a new data key and counts as a rotation. One event per kind of change. */
    CredentialView update(TenancyCredentialEntity credential, CredentialInput.Update update) {
        long now = System.currentTimeMillis();
        boolean described = update.description().description().isPresent() || update.description().metadata().isPresent()
                || update.description().expiresAt().isPresent();
        update.value().ifPresent(value -> {
            seal(credential, value);
            credential.rotated(now);
        });
        describe(credential, update.description());
        boolean activeBefore = credential.active();
        update.active().ifPresent(credential::activate);
        credential.updated(now);
        if (!store.flush()) {
            throw TenancyException.conflict("The credential changed meanwhile (a key rewrap or another change);"
                    + " send the change again");
        }
        CredentialView view = CredentialView.of(credential);
        if (update.value().isPresent()) {
            event(OperationType.ACTION, view, "rotate");
        }
        if (update.active().isPresent() && update.active().get() != activeBefore) {
            event(OperationType.ACTION, view, update.active().get() ? "activate" : "deactivate");
        }
        if (described) {
            event(OperationType.UPDATE, view);
        }
        return view;
    }

    /** The value, to the caller only; an event names the reader (the event's author) and the credential. */
    CredentialRepresentation.Revealed reveal(TenancyCredentialEntity credential) {
        CredentialValue value = revealValue(credential);
        return new CredentialRepresentation.Revealed(credential.id(), credential.name(), credential.provider(),
                credential.type().name(), value.revealed(), CredentialRepresentation.instant(credential.expiresAt()));
    }

    CredentialValue revealValue(TenancyCredentialEntity credential) {
        if (!credential.active()) {
            counted(credential, RevealOutcome.DEACTIVATED);
            throw TenancyException.conflict("The credential is deactivated; activate it before revealing it");
        }
        CredentialValue value = open(credential);
        store.touch(credential, System.currentTimeMillis());
        event(OperationType.ACTION, CredentialView.of(credential), "reveal");
        counted(credential, RevealOutcome.REVEALED);
        return value;
    }

    void delete(TenancyCredentialEntity credential) {
        CredentialView view = CredentialView.of(credential);
        if (!store.delete(credential)) {
            throw TenancyException.conflict("The credential changed meanwhile (a key rewrap or another change);"
                    + " delete it again");
        }
        event(OperationType.DELETE, view);
    }

    /**
     * Decrypts; a row that was altered, copied or sealed under a key this node lacks is an error, never garbage.
     * {@link UnreadableCredentialReport} tells the realm's admins why, and the caller as much as it may know.
     */
    private CredentialValue open(TenancyCredentialEntity credential) {
        SealedSecret sealed = new SealedSecret(credential.ciphertext(), credential.wrappedKey(), credential.kekVersion());
        byte[] plaintext;
        try {
            plaintext = Envelope.open(sealed, credential.binding(), keys.get());
        } catch (CredentialDecryptionException e) {
            counted(credential, RevealOutcome.UNREADABLE);
            throw unreadable.report(credential, e.getMessage());
        } catch (KeyEncryptionKeyUnavailableException e) {
            counted(credential, RevealOutcome.KEY_UNAVAILABLE);
            throw TenancyException.unavailable(e.getMessage());
        }
        try {
            return CredentialValue.opened(credential.type(), plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private void seal(TenancyCredentialEntity credential, CredentialValue value) {
        byte[] plaintext = value.plaintext();
        try {
            // A new value is sealed under the current binding, whatever the row's was: a rotation moves it too.
            SealedSecret sealed = Envelope.seal(plaintext, credential.binding(CredentialBinding.CURRENT),
                    keys.get().primary());
            credential.seal(sealed.ciphertext(), sealed.wrappedKey(), sealed.kekVersion(), CredentialBinding.CURRENT,
                    value.masked());
        } catch (KeyEncryptionKeyUnavailableException e) {
            throw TenancyException.unavailable(e.getMessage());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static void describe(TenancyCredentialEntity credential, CredentialInput.Description description) {
        credential.describe(
                description.description().isPresent() ? description.description().get().orElse(null)
                        : credential.description(),
                description.metadata().isPresent() ? description.metadata().get().orElse(null) : credential.metadata(),
                description.expiresAt().isPresent() ? description.expiresAt().get().orElse(null)
                        : credential.expiresAt());
    }

    private void event(OperationType operation, CredentialView view, String... action) {
        String[] path = new String[2 + action.length];
        path[0] = "credentials";
        path[1] = view.id();
        System.arraycopy(action, 0, path, 2, action.length);
        audit.tenantChange(TenancyResourceType.TENANCY_CREDENTIAL, operation,
                view.scope() == CredentialScope.TENANT ? view.ownerId() : null, view.representation(), path);
    }

    private void counted(TenancyCredentialEntity credential, RevealOutcome outcome) {
        RevealScope scope = switch (credential.scope()) {
            case USER -> RevealScope.USER;
            case TENANT -> RevealScope.TENANT;
            case SYSTEM -> RevealScope.SYSTEM;
        };
        TenancyMetrics.of(session).credentialReveal(session, scope, outcome, realm.getName());
    }

    private static String checkedId(String id) {
        if (id == null || id.isBlank() || id.length() > 36) {
            throw notFound();
        }
        return id;
    }

    private static TenancyException notFound() {
        return TenancyException.notFound("Credential not found");
    }
}
