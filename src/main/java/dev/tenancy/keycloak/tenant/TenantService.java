package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResourceType;
import dev.tenancy.keycloak.error.TenancyException;
import java.util.List;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/** Creates, finds, changes and removes tenants — Keycloak organizations of the current realm. */
public final class TenantService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final TenancyAudit audit;

    public TenantService(KeycloakSession session, RealmModel realm, TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.audit = audit;
    }

    public TenantView create(TenantInput input) {
        OrganizationProvider organizations = organizations();
        OrganizationModel organization;
        try {
            organization = organizations.create(input.name(), input.alias());
        } catch (ModelDuplicateException e) {
            throw TenancyException.conflict("A tenant with the same name or alias already exists");
        } catch (ModelException e) {
            throw TenancyException.invalid(e.getMessage());
        }
        input.sentDescription().ifPresent(organization::setDescription);
        input.sentEnabled().ifPresent(organization::setEnabled);
        TenantView view = TenantView.of(organization);
        audit.tenantChange(TenancyResourceType.TENANCY_TENANT, OperationType.CREATE, view.id(), view,
                "tenants", view.id());
        return view;
    }

    public List<TenantView> search(String search, int first, int max) {
        return organizations().getAllStream(search == null ? "" : search, false, first, max)
                .map(TenantView::of)
                .toList();
    }

    /** The tenant with this id in the current realm, or 404. */
    public OrganizationModel require(String tenantId) {
        return find(tenantId).orElseThrow(() -> TenancyException.notFound("Tenant not found"));
    }

    public Optional<OrganizationModel> find(String tenantId) {
        return new TenantDirectory(session, realm).find(tenantId);
    }

    public TenantView update(OrganizationModel organization, TenantInput input) {
        if (input.sentAlias().isPresent() && !input.alias().equals(organization.getAlias())) {
            throw TenancyException.invalid("Field 'alias' cannot be changed once set");
        }
        if (!input.name().equals(organization.getName())) {
            boolean taken = organizations().getAllStream(input.name(), true, 0, 10)
                    .anyMatch(other -> other.getName().equals(input.name()) && !other.getId().equals(organization.getId()));
            if (taken) {
                throw TenancyException.conflict("A tenant with the same name already exists");
            }
            try {
                organization.setName(input.name());
            } catch (ModelDuplicateException e) {
                throw TenancyException.conflict("A tenant with the same name already exists");
            }
        }
        input.sentDescription().ifPresent(organization::setDescription);
        input.sentEnabled().ifPresent(organization::setEnabled);
        TenantView view = TenantView.of(organization);
        audit.tenantChange(TenancyResourceType.TENANCY_TENANT, OperationType.UPDATE, view.id(), view,
                "tenants", view.id());
        return view;
    }

    public void delete(OrganizationModel organization) {
        String tenantId = organization.getId();
        new TenantStore(session, realm.getId()).deleteTenant(tenantId);
        organizations().remove(organization);
        audit.tenantChange(TenancyResourceType.TENANCY_TENANT, OperationType.DELETE, tenantId, null, "tenants", tenantId);
    }

    private OrganizationProvider organizations() {
        return new TenantDirectory(session, realm).organizations();
    }
}
