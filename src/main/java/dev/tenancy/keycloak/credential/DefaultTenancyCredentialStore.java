package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.config.TenancyPermission;
import dev.tenancy.keycloak.tenant.MembershipService;
import dev.tenancy.keycloak.tenant.TenantService;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/** {@link TenancyCredentialStore} on the realm of the session's context, with the REST APIs' access rules. */
final class DefaultTenancyCredentialStore implements TenancyCredentialStore {

    private final KeycloakSession session;

    DefaultTenancyCredentialStore(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Optional<StoredCredential> find(UserModel reader, CredentialScope scope, String ownerId, String provider,
            String name) {
        RealmModel realm = realm();
        CredentialOwner owner = readable(realm, reader, scope, ownerId);
        return new CredentialStore(session, realm.getId()).findByName(owner.scope(), owner.id(), provider, name)
                .map(StoredCredential::of);
    }

    @Override
    public Optional<RevealedCredential> reveal(UserModel reader, ClientModel client, CredentialScope scope,
            String ownerId, String provider, String name) {
        Objects.requireNonNull(client, "client: the client the read is done for, named in the reveal event");
        RealmModel realm = realm();
        CredentialOwner owner = readable(realm, reader, scope, ownerId);
        Optional<TenancyCredentialEntity> found = new CredentialStore(session, realm.getId())
                .findByName(owner.scope(), owner.id(), provider, name).filter(TenancyCredentialEntity::active);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TenancyAudit audit = new TenancyAudit(new AdminEventBuilder(realm, new AdminAuth(realm, null, reader, client),
                session, session.getContext().getConnection()));
        CredentialService credentials = new CredentialService(session, realm, audit,
                UnreadableCredentialReport.Detail.FULL);
        String value = credentials.revealValue(found.get()).text();
        return Optional.of(new RevealedCredential(StoredCredential.of(found.get()), value));
    }

    private RealmModel realm() {
        RealmModel realm = session.getContext().getRealm();
        if (realm == null) {
            throw new IllegalStateException("TenancyCredentialStore needs a realm in the session's context");
        }
        return realm;
    }

    /** The owner, if {@code reader} may read its credentials; otherwise {@link CredentialAccessDeniedException}. */
    private CredentialOwner readable(RealmModel realm, UserModel reader, CredentialScope scope, String ownerId) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(scope, "scope");
        if (!reader.isEnabled()) {
            throw new CredentialAccessDeniedException("User " + reader.getId() + " is disabled");
        }
        boolean realmAdmin = AdminPermissions.evaluator(session, realm, realm, reader).realm().canManageRealm();
        switch (scope) {
            case SYSTEM -> {
                if (realmAdmin) {
                    return CredentialOwner.system(realm.getId());
                }
            }
            case USER -> {
                if (reader.getId().equals(ownerId) || (realmAdmin && ownerId != null)) {
                    return CredentialOwner.user(ownerId);
                }
            }
            case TENANT -> {
                Optional<OrganizationModel> tenant = new TenantService(session, realm, TenancyAudit.none()).find(ownerId);
                if (tenant.isPresent() && (realmAdmin || new MembershipService(session, realm).in(tenant.get(), reader)
                        .filter(membership -> membership.has(TenancyPermission.MANAGE_CREDENTIALS)).isPresent())) {
                    return CredentialOwner.tenant(ownerId);
                }
            }
        }
        throw new CredentialAccessDeniedException("User " + reader.getId() + " may not read " + scope
                + " credentials of " + (scope == CredentialScope.SYSTEM ? "realm " + realm.getName() : ownerId));
    }

    @Override
    public void close() {
    }
}
