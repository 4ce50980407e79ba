package dev.tenancy.keycloak.domain;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which organizations of the realm hold a domain, read from Keycloak's {@code ORG_DOMAIN} rows with a locking
 * read: not from Keycloak's cache (another node's change may not have reached it) and not from a snapshot
 * (MariaDB's repeatable read would show the rows as they were when the transaction first read). A holder is an
 * organization with the name itself or a wildcard that covers it ({@code *.acme.com} covers {@code acme.com} and
 * every name below it, as Keycloak's login matches them).
 */
final class DomainHolders {

    /** One organization's domain that covers the name asked about. */
    record Holder(String organizationId, String domain, boolean verified) {
    }

    private final EntityManager em;
    private final String realmId;

    DomainHolders(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    List<Holder> covering(DomainName domain) {
        List<Object[]> rows = em.createQuery("select d.organization.id, d.name, d.verified from "
                        + "OrganizationDomainEntity d where d.organization.realmId = :realmId and lower(d.name) in :names",
                        Object[].class)
                .setParameter("realmId", realmId)
                .setParameter("names", coveringNames(domain))
                .setLockMode(LockModeType.PESSIMISTIC_READ)
                .getResultList();
        List<Holder> holders = new ArrayList<>();
        for (Object[] row : rows) {
            holders.add(new Holder((String) row[0], ((String) row[1]).toLowerCase(Locale.ROOT),
                    Boolean.TRUE.equals(row[2])));
        }
        return holders;
    }

    /** {@code eu.acme.com} → itself, {@code *.eu.acme.com}, {@code *.acme.com} (never {@code *.com}). */
    static List<String> coveringNames(DomainName domain) {
        List<String> names = new ArrayList<>();
        names.add(domain.value());
        String rest = domain.value();
        while (rest.indexOf('.') > 0) {
            names.add("*." + rest);
            rest = rest.substring(rest.indexOf('.') + 1);
        }
        return names;
    }
}
