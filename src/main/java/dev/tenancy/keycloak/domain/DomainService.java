package dev.tenancy.keycloak.domain;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResourceType;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.jpa.RealmWriteLock;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * A tenant's domains: claimed with a DNS challenge, proven by looking the challenge up, or vouched for by a realm
 * admin; a domain (or a wildcard covering it) belongs to one tenant of the realm at most.
 */
public final class DomainService {

    private static final Logger LOG = Logger.getLogger(DomainService.class);
    /** Unproven claims per tenant: enough for any company, too few to fill the organization with attributes. */
    static final int MAX_CLAIMS = 20;
    private static final int MAX_LOOKALIKES_SHOWN = 3;
    /** Tenants with a lookup under way on this node: one at a time each, so one tenant cannot take every slot. */
    private static final Set<String> LOOKING_UP = ConcurrentHashMap.newKeySet();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final TenancyAudit audit;

    public DomainService(KeycloakSession session, RealmModel realm, TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.audit = audit;
    }

    /** What the add did: the domain as it stands, and whether anything new was recorded. */
    public record Added(DomainView domain, boolean created) {
    }

    public List<DomainView> list(OrganizationModel tenant) {
        TenantDomains domains = domainsOf(tenant);
        Map<String, Boolean> held = domains.held();
        Map<String, DomainChallenge> claims = domains.claims();
        List<DomainView> views = new ArrayList<>();
        held.forEach((name, verified) -> views.add(verified ? DomainView.verified(new DomainName(name))
                : DomainView.pending(new DomainName(name), claims.get(name))));
        claims.forEach((name, challenge) -> {
            if (!held.containsKey(name)) {
                views.add(DomainView.pending(new DomainName(name), challenge));
            }
        });
        views.sort(Comparator.comparing(DomainView::domain));
        return views;
    }

    public DomainView get(OrganizationModel tenant, DomainName domain) {
        return list(tenant).stream().filter(view -> view.domain().equals(domain.value())).findFirst()
                .orElseThrow(() -> notATenantDomain(domain));
    }

    /**
     * Claims {@code input}'s domain for the tenant with a new challenge, or answers the claim that exists. A claim
     * says nothing about other tenants: whether another holds the name is only told to whoever proves it.
     */
    public Added claim(OrganizationModel tenant, DomainInput input) {
        DomainName domain = input.name();
        TenantDomains domains = domainsOf(tenant);
        if (domains.heldVerified(domain).orElse(false)) {
            return new Added(DomainView.verified(domain), false);
        }
        Optional<DomainChallenge> existing = domains.claim(domain);
        if (existing.isPresent()) {
            return new Added(DomainView.pending(domain, existing.get()), false);
        }
        if (domains.claims().size() >= MAX_CLAIMS) {
            throw TenancyException.conflict("The tenant already has " + MAX_CLAIMS + " domains waiting for their DNS "
                    + "proof: verify or remove one of them first");
        }
        DomainChallenge challenge = DomainChallenge.issue(domain);
        domains.putClaim(domain, challenge);
        DomainView view = DomainView.pending(domain, challenge);
        audit.tenantChange(TenancyResourceType.TENANCY_DOMAIN, OperationType.CREATE, tenant.getId(), view,
                path(tenant, domain));
        return new Added(view, true);
    }

    /** A realm admin's word for the domain: verified at once, without the DNS proof. */
    public Added vouch(OrganizationModel tenant, DomainInput input, String actorId) {
        DomainName domain = input.name();
        TenantDomains domains = domainsOf(tenant);
        if (domains.heldVerified(domain).orElse(false)) {
            return new Added(DomainView.verified(domain), false);
        }
        giveTo(tenant, domains, domain, DomainProofs.Method.VOUCHED, actorId);
        DomainView view = DomainView.verified(domain);
        audit.tenantChange(TenancyResourceType.TENANCY_DOMAIN, OperationType.CREATE, tenant.getId(), view,
                path(tenant, domain));
        return new Added(view, true);
    }

    /**
     * Looks the domain's challenge up in DNS and, when it is there, verifies the domain for this tenant. The
     * lookup runs before any lock is taken; the check that no other tenant holds the domain runs after, under the
     * lock. {@code detailed} (realm admins) adds to a failed lookup's answer which servers were asked.
     */
    public DomainView verify(OrganizationModel tenant, DomainName domain, boolean detailed, String actorId) {
        TenantDomains domains = domainsOf(tenant);
        Optional<Boolean> held = domains.heldVerified(domain);
        if (held.orElse(false)) {
            return DomainView.verified(domain);
        }
        DomainChallenge challenge = domains.claim(domain).orElseThrow(() -> held.isPresent()
                ? TenancyException.conflict("No challenge was issued for " + domain + ": add the domain again "
                        + "(POST …/domains) to receive one")
                : notATenantDomain(domain));
        TxtAnswer answer = lookUp(tenant, challenge, detailed);
        if (answer.values().isEmpty()) {
            throw TenancyException.conflict("DNS holds no TXT record at " + challenge.recordName() + ". Publish a "
                    + "TXT record there with the value " + challenge.value() + ", then try again; a new record can "
                    + "take the DNS provider's time to live (TTL) to appear.");
        }
        if (!challenge.isIn(answer.values())) {
            throw TenancyException.conflict("DNS holds " + answer.values().size() + " TXT "
                    + (answer.values().size() == 1 ? "value" : "values") + " at " + challenge.recordName()
                    + ", none of them this tenant's challenge " + challenge.value() + lookalikes(answer)
                    + ". Publish a TXT record with that value (it may stand beside the others), then try again.");
        }
        giveTo(tenant, domains, domain, DomainProofs.Method.DNS, actorId);
        DomainView view = DomainView.verified(domain);
        audit.tenantChange(TenancyResourceType.TENANCY_DOMAIN, OperationType.ACTION, tenant.getId(), view,
                path(tenant, domain, "verify"));
        return view;
    }

    /**
     * Removes a domain or a claim. A domain that an identity provider is bound to (Keycloak sends its logins there
     * by email domain) is left to realm admins ({@code byRealmAdmin}): removing it unbinds the provider.
     */
    public void remove(OrganizationModel tenant, DomainName domain, boolean byRealmAdmin) {
        TenantDomains domains = domainsOf(tenant);
        boolean held = domains.heldVerified(domain).isPresent();
        boolean claimed = domains.claim(domain).isPresent();
        if (!held && !claimed) {
            throw notATenantDomain(domain);
        }
        if (held) {
            new DomainProofs(session.getProvider(JpaConnectionProvider.class).getEntityManager(), realm.getId())
                    .drop(domain);
            Optional<String> provider = tenant.getIdentityProviders()
                    .filter(idp -> domain.value().equalsIgnoreCase(
                            idp.getConfig().get(OrganizationModel.ORGANIZATION_DOMAIN_ATTRIBUTE)))
                    .map(IdentityProviderModel::getAlias)
                    .findFirst();
            if (provider.isPresent() && !byRealmAdmin) {
                throw TenancyException.conflict("The domain " + domain + " is bound to the identity provider '"
                        + provider.get() + "' (logins of its addresses are sent there); only a realm admin can "
                        + "remove it");
            }
            domains.release(domain);
        }
        domains.dropClaim(domain);
        audit.tenantChange(TenancyResourceType.TENANCY_DOMAIN, OperationType.DELETE, tenant.getId(), null,
                path(tenant, domain));
    }

    private TxtAnswer lookUp(OrganizationModel tenant, DomainChallenge challenge, boolean detailed) {
        if (!LOOKING_UP.add(tenant.getId())) {
            throw TenancyException.rateLimited("A DNS lookup for this tenant is already running; try again when it "
                    + "has finished", 2);
        }
        try {
            return session.getProvider(DnsTxtLookup.class).txt(challenge.recordName());
        } catch (DnsLookupException e) {
            LOG.warnf("Domain proof of tenant %s: %s", tenant.getId(), e.getMessage());
            throw TenancyException.unavailable(detailed ? e.getMessage()
                    : "The DNS lookup of " + challenge.recordName() + " did not complete. Try again later; if it "
                            + "persists, tell the operator of this service.");
        } finally {
            LOOKING_UP.remove(tenant.getId());
        }
    }

    /**
     * Verifies the domain for this tenant: under the realm's lock, after checking the database (not Keycloak's
     * cache, not a snapshot) that no other organization holds the name or a wildcard covering it.
     */
    private void giveTo(OrganizationModel tenant, TenantDomains domains, DomainName domain, DomainProofs.Method method,
            String actorId) {
        boolean vouched = method == DomainProofs.Method.VOUCHED;
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        RealmWriteLock.hold(em, realm.getId());
        boolean heldElsewhere = new DomainHolders(em, realm.getId()).covering(domain).stream()
                .anyMatch(holder -> !holder.organizationId().equals(tenant.getId()));
        if (heldElsewhere) {
            throw TenancyException.conflict(vouched
                    ? "The domain " + domain + " (or a wildcard covering it) is a domain of another tenant; remove it "
                            + "there first"
                    : "The domain " + domain + " is proven, but it (or a wildcard covering it) is already a domain of "
                            + "another tenant of this service; ask the service's operator to move it");
        }
        domains.holdVerified(domain);
        domains.dropClaim(domain);
        new DomainProofs(em, realm.getId()).record(tenant.getId(), domain, method, actorId);
    }

    private TenantDomains domainsOf(OrganizationModel tenant) {
        OrganizationModel stored = session.getProvider(OrganizationProvider.class, "jpa").getById(tenant.getId());
        return new TenantDomains(tenant, stored == null ? tenant : stored);
    }

    /** Values found that have the shape of a challenge: a typo or an older claim's value, worth showing. */
    private static String lookalikes(TxtAnswer answer) {
        List<String> shaped = answer.values().stream().map(DomainChallenge::unquoted)
                .filter(DomainChallenge::isShaped)
                .limit(MAX_LOOKALIKES_SHOWN)
                .map(value -> "\"" + value + "\"")
                .toList();
        return shaped.isEmpty() ? "" : " (found " + String.join(", ", shaped) + ", shaped like a challenge: a typo, "
                + "or the value of an earlier claim?)";
    }

    private static TenancyException notATenantDomain(DomainName domain) {
        return TenancyException.notFound("The domain " + domain + " is not a domain of this tenant");
    }

    private static String[] path(OrganizationModel tenant, DomainName domain, String... rest) {
        String[] path = new String[4 + rest.length];
        path[0] = "tenants";
        path[1] = tenant.getId();
        path[2] = "domains";
        path[3] = domain.value();
        System.arraycopy(rest, 0, path, 4, rest.length);
        return path;
    }
}
