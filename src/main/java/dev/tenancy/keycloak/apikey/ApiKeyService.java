package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.tenant.TenantDirectory;
import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResourceType;
import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.secret.SecretHash;
import dev.tenancy.keycloak.tenant.Membership;
import dev.tenancy.keycloak.tenant.MembershipService;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Creating, listing, revoking and rotating API keys. A key is created by its owner, for one of the owner's
 * tenants, with scopes the owner holds there; the key text is returned once, here.
 */
public final class ApiKeyService {

    static final long DEFAULT_GRACE_SECONDS = 3600;
    static final long MAX_GRACE_SECONDS = 7L * 24 * 3600;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiKeyStore store;
    private final TenancyAudit audit;

    public ApiKeyService(KeycloakSession session, RealmModel realm, TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.store = new ApiKeyStore(session, realm.getId());
        this.audit = audit;
    }

    /** A key and, once, its text. */
    record Issued(ApiKeyView view, String key) {

        ApiKeyRepresentation representation() {
            return ApiKeyRepresentation.issued(view, key);
        }
    }

    Issued create(UserModel owner, ApiKeyInput input) {
        Membership membership = requireMembership(owner, input.tenantId());
        requireWithinOwner(membership, input.scopeLevels());
        long now = System.currentTimeMillis();
        Long expiresAt = input.lifespan().map(seconds -> now + seconds * 1000).orElse(null);
        return issue(owner, membership.tenant().id(), input.name(), input.scopeLevels().stored(), now, expiresAt);
    }

    /** The owner's keys, newest first; only those bound to {@code tenantId} when it is given. */
    List<ApiKeyView> listOfOwner(UserModel owner, Optional<String> tenantId, int first, int max) {
        List<TenancyApiKeyEntity> keys = tenantId
                .map(tenant -> store.listOfUserInTenant(owner.getId(), tenant, first, max))
                .orElseGet(() -> store.listOfUser(owner.getId(), first, max));
        return keys.stream().map(ApiKeyView::of).toList();
    }

    List<ApiKeyView> listOfTenant(OrganizationModel tenant, int first, int max) {
        return store.listOfTenant(tenant.getId(), first, max).stream().map(ApiKeyView::of).toList();
    }

    ApiKeyView getOwn(UserModel owner, String id) {
        return ApiKeyView.of(requireOwn(owner, id));
    }

    ApiKeyView revokeOwn(UserModel owner, String id) {
        return revoke(requireOwn(owner, id), owner);
    }

    ApiKeyView revokeInTenant(OrganizationModel tenant, String id, UserModel actor) {
        TenancyApiKeyEntity key = store.findOfTenant(tenant.getId(), requireId(id))
                .orElseThrow(() -> TenancyException.notFound("API key not found"));
        return revoke(key, actor);
    }

    /**
     * A new key with the same name, tenant and scopes (cut to what the owner holds now); the old one keeps
     * working for {@code graceSeconds}, then stops.
     */
    Issued rotate(UserModel owner, String id, long graceSeconds) {
        TenancyApiKeyEntity old = requireOwn(owner, id);
        long now = System.currentTimeMillis();
        if (old.revokedAt() != null || (old.expiresAt() != null && old.expiresAt() <= now)) {
            throw TenancyException.conflict("Only an active key can be rotated");
        }
        if (old.replacedBy() != null) {
            throw TenancyException.conflict("This key was rotated already; rotate its replacement " + old.replacedBy());
        }
        if (old.tenantId() == null) {
            throw TenancyException.conflict("Personal keys are retired and cannot be rotated; create a key for one "
                    + "of your tenants instead");
        }
        Membership membership = requireMembership(owner, old.tenantId());
        ApiKeyScopes scopes = ApiKeyScopes.ofStored(old.scopes()).cutTo(membership.effective().modules());
        Long lifespan = old.expiresAt() == null ? null : old.expiresAt() - old.createdAt();
        Issued issued = issue(owner, old.tenantId(), old.name(), scopes.stored(), now,
                lifespan == null ? null : now + lifespan);
        long graceEnd = now + graceSeconds * 1000;
        if (!store.replace(old.id(), issued.view().id(), old.expiresAt() == null ? graceEnd
                : Math.min(old.expiresAt(), graceEnd))) {
            throw TenancyException.conflict("The key changed meanwhile; load it again");
        }
        store.refresh(old);
        audit.tenantChange(TenancyResourceType.TENANCY_API_KEY, OperationType.ACTION, old.tenantId(),
                ApiKeyRepresentation.of(ApiKeyView.of(old)), "api-keys", old.id(), "rotate");
        return issued;
    }

    private Issued issue(UserModel owner, String tenantId, String name, String scopes, long now, Long expiresAt) {
        String key = ApiKeyFormat.generate(TenancyConfigAttribute.read(realm).apiKeyPrefix());
        TenancyApiKeyEntity entity = new TenancyApiKeyEntity(KeycloakModelUtils.generateId(), realm.getId(), tenantId,
                owner.getId(), name, ApiKeyFormat.displayed(key), SecretHash.sha256Hex(key), scopes, now, expiresAt);
        store.insert(entity);
        ApiKeyView view = ApiKeyView.of(entity);
        audit.tenantChange(TenancyResourceType.TENANCY_API_KEY, OperationType.CREATE, tenantId, ApiKeyRepresentation.of(view),
                "api-keys", entity.id());
        return new Issued(view, key);
    }

    private ApiKeyView revoke(TenancyApiKeyEntity key, UserModel actor) {
        boolean revoked = store.revoke(key.id(), actor == null ? null : actor.getId(), System.currentTimeMillis());
        store.refresh(key);
        if (!revoked) {
            throw TenancyException.conflict("The key is revoked already");
        }
        ApiKeyView view = ApiKeyView.of(key);
        audit.tenantChange(TenancyResourceType.TENANCY_API_KEY, OperationType.ACTION, key.tenantId(), ApiKeyRepresentation.of(view),
                "api-keys", key.id(), "revoke");
        return view;
    }

    private TenancyApiKeyEntity requireOwn(UserModel owner, String id) {
        return store.findOfUser(owner.getId(), requireId(id))
                .orElseThrow(() -> TenancyException.notFound("API key not found"));
    }

    private static String requireId(String id) {
        if (id == null || id.length() > 36) {
            throw TenancyException.notFound("API key not found");
        }
        return id;
    }

    /** The owner's membership in the tenant; 403 when there is none (also for unknown tenants). */
    private Membership requireMembership(UserModel owner, String tenantId) {
        return new TenantDirectory(session, realm).findEnabled(tenantId)
                .flatMap(found -> new MembershipService(session, realm).in(found, owner))
                .orElseThrow(() -> TenancyException.forbidden("You are not a member of this tenant"));
    }

    private static void requireWithinOwner(Membership membership, ApiKeyScopes scopes) {
        SortedMap<String, ModuleLevel> beyond = scopes.beyond(membership.effective().modules());
        if (!beyond.isEmpty()) {
            throw TenancyException.forbidden("Scopes beyond what you hold in this tenant: "
                    + new ApiKeyScopes(beyond).stored());
        }
    }
}
