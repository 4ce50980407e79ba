package dev.tenancy.keycloak.tenant;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tenancy.keycloak.json.JsonBodies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.keycloak.models.OrganizationModel;

/** {@code …/tenants/{id}/modules}: the tenant's module overrides and its effective role × module matrix. */
public final class TenantModulesResource {

    private final OrganizationModel tenant;
    private final TenantAccess access;
    private final ModuleService modules;

    public TenantModulesResource(OrganizationModel tenant, TenantAccess access, ModuleService modules) {
        this.tenant = tenant;
        this.access = access;
        this.modules = modules;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ModuleService.Overrides get() {
        access.requireViewTenant();
        return modules.view(tenant);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ModuleService.Overrides replace(byte[] body) {
        access.requireManageTenant();
        return modules.replace(tenant, JsonBodies.read(body, new TypeReference<Map<String, Object>>() { }),
                access.grantor());
    }
}
