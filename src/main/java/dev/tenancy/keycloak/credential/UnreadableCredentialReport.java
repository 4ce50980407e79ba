package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResourceType;
import dev.tenancy.keycloak.error.TenancyException;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What happens when a stored credential does not open (altered, copied, or under a key this node lacks): the
 * credential id and the reason go to the log and to an admin event of the failed reveal, where the realm's
 * admins find them; the caller is told only as much as its API may know.
 */
final class UnreadableCredentialReport {

    /** What a caller is told. */
    enum Detail {
        /** The reason, with the credential id: for realm admins and for code of the server (the SPI). */
        FULL,
        /** Only that it failed: the reason tells a member about the store's internals, and admins act on it. */
        GENERIC
    }

    static final String GENERIC_MESSAGE = "The credential could not be read; the realm's administrators have been told";
    /** Detail {@code error} of the failed reveal's event; the detail {@code reason} says why. */
    static final String ERROR = "credential_unreadable";

    private static final Logger LOG = Logger.getLogger(UnreadableCredentialReport.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final TenancyAudit audit;
    private final Detail detail;

    UnreadableCredentialReport(KeycloakSession session, RealmModel realm, TenancyAudit audit, Detail detail) {
        this.session = session;
        this.realm = realm;
        this.audit = audit;
        this.detail = detail;
    }

    /** Logs and records the failure; the answer to throw. {@code reason} never holds secret data. */
    TenancyException report(TenancyCredentialEntity credential, String reason) {
        LOG.errorf("Credential %s of realm %s cannot be decrypted: %s", credential.id(), realm.getName(), reason);
        CredentialView view = CredentialView.of(credential);
        audit.failure(session, TenancyResourceType.TENANCY_CREDENTIAL, OperationType.ACTION,
                view.scope() == CredentialScope.TENANT ? view.ownerId() : null, view.representation(),
                Map.of("error", ERROR, "reason", reason), "credentials", view.id(), "reveal");
        return TenancyException.broken(detail == Detail.FULL
                ? "Credential " + credential.id() + " cannot be decrypted: " + reason : GENERIC_MESSAGE);
    }
}
