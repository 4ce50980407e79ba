package dev.tenancy.keycloak.audit;

import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Raises a Keycloak admin event for every tenancy change, with resource type {@code TENANCY_…}, the
 * resource path under {@code tenancy/} and the tenant id as the detail {@value #TENANT_ID}.
 */
public final class TenancyAudit {

    public static final String TENANT_ID = "tenantId";

    private final AdminEventBuilder events;

    public TenancyAudit(AdminEventBuilder events) {
        this.events = events;
    }

    /** For changes Keycloak already records itself, such as a save in the admin console's tenancy tab. */
    public static TenancyAudit none() {
        return new TenancyAudit(null);
    }

    /** For changes the server makes by itself, outside any request: the events name no user or client. */
    public static TenancyAudit bySystem(KeycloakSession session, RealmModel realm) {
        return new TenancyAudit(new SystemAdminEvents(session, realm,
                SystemAdminEvents.actor(realm, null, null, null)));
    }

    /**
     * For changes a user makes by signing in (joining a tenant by domain, asking to join): the events name that user,
     * the client they sign in to (its internal id, as Keycloak's admin events do) and their address.
     */
    public static TenancyAudit byUser(KeycloakSession session, RealmModel realm, UserModel user, ClientModel client) {
        String address = session.getContext().getConnection() == null ? null
                : session.getContext().getConnection().getRemoteAddr();
        return new TenancyAudit(new SystemAdminEvents(session, realm,
                SystemAdminEvents.actor(realm, user.getId(), client == null ? null : client.getId(), address)));
    }

    public void tenantChange(TenancyResourceType resource, OperationType operation, String tenantId,
            Object representation, String... path) {
        if (events == null) {
            return;
        }
        describe(events, resource, operation, tenantId, representation, path).success();
    }

    /**
     * An event about a failure that fails the request too: Keycloak rolls the request's transaction back, and
     * the event with it, so this one is stored in a transaction of its own. {@code details} say what failed.
     */
    public void failure(KeycloakSession session, TenancyResourceType resource, OperationType operation, String tenantId,
            Object representation, Map<String, String> details, String... path) {
        if (events == null) {
            return;
        }
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), session.getContext(), own -> {
            AdminEventBuilder event = describe(events.clone(own), resource, operation, tenantId, representation, path);
            details.forEach(event::detail);
            event.success();
        });
    }

    private static AdminEventBuilder describe(AdminEventBuilder event, TenancyResourceType resource,
            OperationType operation, String tenantId, Object representation, String... path) {
        event.resource(resource.name()).operation(operation).resourcePath(prefixed(path))
                .representation(representation);
        if (tenantId != null) {
            event.detail(TENANT_ID, tenantId);
        }
        return event;
    }

    public void realmChange(TenancyResourceType resource, OperationType operation, Object representation,
            String... path) {
        tenantChange(resource, operation, null, representation, path);
    }

    private static String[] prefixed(String... path) {
        String[] full = new String[path.length + 1];
        full[0] = "tenancy";
        System.arraycopy(path, 0, full, 1, path.length);
        return full;
    }
}
