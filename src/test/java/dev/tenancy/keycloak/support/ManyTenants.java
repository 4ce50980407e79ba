package dev.tenancy.keycloak.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Tenants and memberships in bulk, for tests and benchmarks of users in many tenants. Tenants are made with the
 * same admin API calls as {@link TenancyApi}, sent by a few threads at once. A user joins many tenants straight in
 * the database: through the API, Keycloak checks each new organization membership against all the user's
 * groups one query each, so a thousand joins cost half a million queries.
 */
public final class ManyTenants {

    private static final int THREADS = 6;

    private final TenancyApi tenancy;

    public ManyTenants(TenancyApi tenancy) {
        this.tenancy = tenancy;
    }

    /** The alias of the n-th tenant: {@code customer-0000}, {@code customer-0001}, … (alias order = n order). */
    public static String alias(int n) {
        return String.format(Locale.ROOT, "customer-%04d", n);
    }

    /** Creates tenants {@link #alias}(0) … (count − 1) and returns their ids in that order. */
    public List<String> create(int count) {
        return inParallel(count, n -> tenancy.createTenant(alias(n)));
    }

    /** Makes the user a member of each tenant with the role that {@code role} names for its position. */
    public void join(List<String> tenantIds, String userId, IntFunction<String> role) {
        inParallel(tenantIds.size(), n -> {
            tenancy.setRoles(tenantIds.get(n), userId, role.apply(n));
            return null;
        });
    }

    /**
     * Writes what {@link #join} would, in one transaction over JDBC — Keycloak's organization membership (an
     * unmanaged member of the organization's group) and our role rows. Only for a user made just before, whose
     * memberships nothing has read yet: Keycloak caches them on the first read (Keycloak 26.7 has no admin call that
     * clears its caches).
     */
    public void joinInDatabase(TestRealm realm, List<String> tenantIds, String userId, IntFunction<String> role) {
        String realmId = realm.id();
        try (Connection connection = realm.server().database().openJdbc()) {
            connection.setAutoCommit(false);
            Map<String, String> groups = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("select ID, GROUP_ID from ORG where REALM_ID = ?")) {
                select.setString(1, realmId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        groups.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            try (PreparedStatement member = connection.prepareStatement(
                    "insert into USER_GROUP_MEMBERSHIP (MEMBERSHIP_TYPE, GROUP_ID, USER_ID) values ('UNMANAGED', ?, ?)");
                    PreparedStatement roles = connection.prepareStatement("insert into TENANCY_MEMBER_ROLE"
                            + " (ID, REALM_ID, TENANT_ID, USER_ID, ROLE_NAME) values (?, ?, ?, ?, ?)")) {
                for (int n = 0; n < tenantIds.size(); n++) {
                    member.setString(1, groups.get(tenantIds.get(n)));
                    member.setString(2, userId);
                    member.addBatch();
                    roles.setString(1, UUID.randomUUID().toString());
                    roles.setString(2, realmId);
                    roles.setString(3, tenantIds.get(n));
                    roles.setString(4, userId);
                    roles.setString(5, role.apply(n));
                    roles.addBatch();
                }
                member.executeBatch();
                roles.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("writing memberships failed: " + e.getMessage(), e);
        }
    }

    private static <T> List<T> inParallel(int count, IntFunction<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int index = n;
                futures.add(pool.submit(() -> call.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("bulk set-up failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }
}
