package dev.tenancy.keycloak.transfer;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResourceType;
import dev.tenancy.keycloak.json.JsonBodies;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Our rows of one realm out to a file and back in, beside Keycloak's own realm export (which carries the realm, its
 * organizations, users, groups and the tenancy configuration attribute with their ids). Secrets leave only as the
 * hashes and ciphertext stored. The caller's admin permissions are checked by the resource.
 */
public final class TenancyTransfer {

    private final KeycloakSession session;
    private final EntityManager em;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final TenancyAudit audit;

    public TenancyTransfer(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            TenancyAudit audit) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realm = realm;
        this.auth = auth;
        this.audit = audit;
    }

    /** The export (see {@link TransferExport}); the admin event records that it was taken. */
    public InputStream export() {
        // First: nothing may fail once the file is open (it must reach the response, which closes it).
        audit.realmChange(TenancyResourceType.TENANCY_TRANSFER, OperationType.ACTION, Map.of("exported", true),
                "export");
        return new TransferExport(em, realm).written();
    }

    public TransferReport importDocument(byte[] body) {
        return new TransferImport(session, em, realm, auth, audit).run(JsonBodies.read(body, TransferDocument.class));
    }

    /** A file name for the export: the realm's name with anything but letters, digits, dot, dash and underscore as _. */
    public String fileName() {
        return realm.getName().replaceAll("[^A-Za-z0-9._-]", "_") + "-tenancy.json";
    }
}
