package dev.tenancy.keycloak.audit;

import java.util.Map;
import org.keycloak.events.admin.OperationType;
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

    public void tenantChange(TenancyResource resource, OperationType operation, String tenantId,
            Map<String, ?> representation, String... path) {
        if (events == null) {
            return;
        }
        AdminEventBuilder event = events
                .resource(resource.name())
                .operation(operation)
                .resourcePath(prefixed(path))
                .representation(representation);
        if (tenantId != null) {
            event.detail(TENANT_ID, tenantId);
        }
        event.success();
    }

    public void realmChange(TenancyResource resource, OperationType operation, Map<String, ?> representation,
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
