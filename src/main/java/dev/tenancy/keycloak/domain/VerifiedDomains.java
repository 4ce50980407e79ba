package dev.tenancy.keycloak.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Which tenant a user's address belongs to by verified domain: the organization Keycloak finds for the address's
 * domain, if that domain — or a wildcard covering it — is verified there, and only for a verified address.
 */
public final class VerifiedDomains {

    private final KeycloakSession session;

    public VerifiedDomains(KeycloakSession session) {
        this.session = session;
    }

    /**
     * The tenant whose verified domains hold {@code user}'s verified email address, if any. The address counts only
     * when the realm vouches for it: a local account (Keycloak verified the address by mail, or a realm admin set it
     * verified), or an account linked to an identity provider of that same tenant bound to that domain. An account
     * from another identity provider or a user federation does not count, whatever its "email verified" says: a
     * provider that "trusts email" marks any address it asserts as verified.
     */
    public Optional<OrganizationModel> tenantOf(UserModel user) {
        String email = user.getEmail();
        if (!user.isEmailVerified() || email == null || email.indexOf('@') < 1) {
            return Optional.empty();
        }
        String domainText = email.substring(email.lastIndexOf('@') + 1);
        DomainName domain;
        try {
            domain = DomainName.parse(domainText);
        } catch (RuntimeException notADomain) {
            return Optional.empty();
        }
        if (!domain.value().equals(domainText.toLowerCase(Locale.ROOT))) {
            // Only plain ASCII domains: Java's IDNA2003 mapping reads some Unicode names as other names.
            return Optional.empty();
        }
        OrganizationModel tenant = session.getProvider(OrganizationProvider.class).getByDomainName(domain.value());
        if (tenant == null || !tenant.isEnabled()) {
            return Optional.empty();
        }
        List<String> covering = DomainHolders.coveringNames(domain);
        List<String> verifiedHere = tenant.getDomains().filter(OrganizationDomainModel::isVerified)
                .map(held -> held.getName().toLowerCase(Locale.ROOT))
                .filter(covering::contains)
                .toList();
        // Keycloak's flag alone is not enough: any manager of the organization can set it through Keycloak's API.
        boolean verified = !verifiedHere.isEmpty() && !new DomainProofs(
                session.getProvider(JpaConnectionProvider.class).getEntityManager(), session.getContext().getRealm()
                        .getId()).provenOf(tenant.getId(), verifiedHere).isEmpty();
        return verified && addressVouchedFor(user, tenant, domain) ? Optional.of(tenant) : Optional.empty();
    }

    private boolean addressVouchedFor(UserModel user, OrganizationModel tenant, DomainName domain) {
        if (user.getFederationLink() != null) {
            return false;
        }
        List<String> links = session.users().getFederatedIdentitiesStream(session.getContext().getRealm(), user)
                .map(link -> link.getIdentityProvider())
                .toList();
        if (links.isEmpty()) {
            return true;
        }
        return tenant.getIdentityProviders().anyMatch(idp -> links.contains(idp.getAlias())
                && domain.value().equalsIgnoreCase(idp.getConfig().get(OrganizationModel.ORGANIZATION_DOMAIN_ATTRIBUTE)));
    }
}
