package dev.tenancy.keycloak.join;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResourceType;
import dev.tenancy.keycloak.config.TenancyConfig;
import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import dev.tenancy.keycloak.config.TenancyPermission;
import dev.tenancy.keycloak.domain.VerifiedDomains;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.tenant.Grantor;
import dev.tenancy.keycloak.tenant.MemberService;
import dev.tenancy.keycloak.tenant.RolesInput;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Joining a tenant by verified domain: the tenant's policy; at sign-in, the join ({@code auto}) or the suggestion
 * ({@code suggest}) for a user with a verified address in one of the tenant's verified domains; and the requests
 * the tenant's members approve or deny. Nobody comes back by domain who was removed from the tenant, left it, or
 * was denied — nor another address of the same mailbox.
 */
public final class JoinService {

    /** The permissions a default role must not grant: anyone with a mailbox in the domain gets it. */
    private static final Set<TenancyPermission> NOT_BY_DEFAULT = Set.of(TenancyPermission.MANAGE_TENANT,
            TenancyPermission.MANAGE_MEMBERS, TenancyPermission.MANAGE_INVITATIONS, TenancyPermission.MANAGE_API_KEYS,
            TenancyPermission.MANAGE_CREDENTIALS);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final TenancyAudit audit;

    public JoinService(KeycloakSession session, RealmModel realm, TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.audit = audit;
    }

    public JoinPolicy get(OrganizationModel tenant) {
        return policies().of(tenant.getId());
    }

    /**
     * Sets the tenant's policy. The default role is handed to everyone who joins, so the caller must be able to
     * grant it (the grant rule of roles and invitations), and it may grant no {@code manage-…} permission.
     */
    public JoinPolicy set(OrganizationModel tenant, JoinPolicyInput input, Grantor grantor, String actorId) {
        JoinPolicy policy = input.joinMode() == JoinMode.OFF ? JoinPolicy.OFF
                : new JoinPolicy(input.mode(), input.defaultRole());
        if (policy.defaultRole() != null) {
            requireFitForEveryone(policy.defaultRole());
            grantor.requireMayChange(Set.of(policy.defaultRole()));
            JoinByDomainActionFactory.ensureRegistered(realm);
        }
        policies().save(tenant.getId(), policy, actorId);
        audit.tenantChange(TenancyResourceType.TENANCY_JOIN, OperationType.UPDATE, tenant.getId(), policy,
                "tenants", tenant.getId(), "join");
        return policy;
    }

    private void requireFitForEveryone(String role) {
        unfitAsDefault(TenancyConfigAttribute.read(realm), role).ifPresent(problem -> {
            throw TenancyException.invalid("Field 'defaultRole': " + problem);
        });
    }

    /** Why {@code role} cannot be a tenant's default role for joining, if it cannot: unknown, or managing. */
    public static Optional<String> unfitAsDefault(TenancyConfig config, String role) {
        if (!config.hasRole(role)) {
            return Optional.of("unknown role '" + role + "'");
        }
        String managing = config.permissionsOf(role).stream().filter(NOT_BY_DEFAULT::contains)
                .map(TenancyPermission::label).sorted().collect(Collectors.joining(", "));
        return managing.isEmpty() ? Optional.empty() : Optional.of("role '" + role + "' grants " + managing
                + ", and everyone with an address in the tenant's domains would get it; choose a role without manage "
                + "permissions and give more to people one by one");
    }

    /** What a sign-in leads to. */
    enum AtSignIn { NOTHING, JOINED, SUGGESTED }

    /**
     * At sign-in: when the user's verified address is in a verified domain of a tenant they are not a member of and
     * not kept out of, joins them with the default role ({@code auto}), or says a suggestion is due ({@code suggest}:
     * no open request, and not turned down in the last 30 days).
     */
    AtSignIn atSignIn(UserModel user) {
        Optional<OrganizationModel> tenant = candidateTenant(user);
        if (tenant.isEmpty()) {
            return AtSignIn.NOTHING;
        }
        JoinPolicy policy = policies().of(tenant.get().getId());
        if (policy.joinMode() == JoinMode.AUTO) {
            join(tenant.get(), user, Set.of(policy.defaultRole()), "verified-domain", null);
            return AtSignIn.JOINED;
        }
        if (policy.joinMode() == JoinMode.SUGGEST && !askedOrDeclined(tenant.get(), user)) {
            return AtSignIn.SUGGESTED;
        }
        return AtSignIn.NOTHING;
    }

    /** The tenant to suggest to the user now, for the suggestion page: empty when that no longer stands. */
    Optional<OrganizationModel> suggestionDue(UserModel user) {
        return suggested(user).filter(tenant -> !askedOrDeclined(tenant, user));
    }

    /** An open request, or a suggestion turned down in the last 30 days. */
    private boolean askedOrDeclined(OrganizationModel tenant, UserModel user) {
        return requests().of(tenant.getId(), user.getId())
                .filter(row -> row.state() == JoinStanding.PENDING || row.state() == JoinStanding.DECLINED
                        && row.createdAt() > System.currentTimeMillis() - JoinRequests.DECLINE_QUIET_MILLIS)
                .isPresent();
    }

    /** The tenant whose policy suggests joining to the user, whatever they answered before. */
    private Optional<OrganizationModel> suggested(UserModel user) {
        return candidateTenant(user).filter(tenant -> policies().of(tenant.getId()).joinMode() == JoinMode.SUGGEST);
    }

    /** The user asks to join the suggested tenant; the tenant's members who manage members decide. */
    Optional<OrganizationModel> request(UserModel user) {
        Optional<OrganizationModel> tenant = suggestionDue(user);
        tenant.ifPresent(asked -> {
            TenancyJoinRequestEntity row = requests().put(asked.getId(), user, JoinStanding.PENDING);
            audit.tenantChange(TenancyResourceType.TENANCY_JOIN_REQUEST, OperationType.CREATE, asked.getId(),
                    Map.of("id", row.id(), "userId", user.getId()), "tenants", asked.getId(), "join", "requests",
                    row.id());
        });
        return tenant;
    }

    /** The user turns the suggestion down; it is not shown again for 30 days. */
    void decline(UserModel user) {
        suggestionDue(user).ifPresent(tenant -> requests().put(tenant.getId(), user, JoinStanding.DECLINED));
    }

    public List<JoinRequestView> pending(OrganizationModel tenant) {
        List<TenancyJoinRequestEntity> rows = requests().pending(tenant.getId());
        return rows.stream().map(row -> {
            UserModel user = session.users().getUserById(realm, row.userId());
            return new JoinRequestView(row.id(), row.userId(), user == null ? null : user.getUsername(), row.email(),
                    Instant.ofEpochMilli(row.createdAt()).toString());
        }).toList();
    }

    /**
     * Lets the person of a pending request in, with {@code roles} or else the tenant's default role, when they still
     * have a verified address in the tenant's verified domains; the grant rule applies to the roles.
     */
    public ApprovedRequest approve(OrganizationModel tenant, String requestId, Optional<RolesInput> input,
            Grantor grantor, String actorId) {
        TenancyJoinRequestEntity row = pendingRequest(tenant, requestId);
        Set<String> roles;
        if (input.isPresent()) {
            roles = input.get().asSet();
            TenancyConfig config = TenancyConfigAttribute.read(realm);
            roles.stream().filter(role -> !config.hasRole(role)).findFirst().ifPresent(role -> {
                throw TenancyException.invalid("Field 'roles' names unknown role '" + role + "'");
            });
        } else {
            String defaultRole = policies().of(tenant.getId()).defaultRole();
            if (defaultRole == null) {
                throw TenancyException.invalid("The tenant has no default role for joining (its policy is off); send "
                        + "{\"roles\": [...]} with the roles to give");
            }
            roles = Set.of(defaultRole);
        }
        grantor.requireMayChange(roles);
        UserModel user = session.users().getUserById(realm, row.userId());
        if (user == null || !candidateTenant(user).map(OrganizationModel::getId).filter(tenant.getId()::equals)
                .isPresent()) {
            throw TenancyException.conflict("The person who asked no longer has a verified address in this tenant's "
                    + "verified domains; deny the request, or invite them");
        }
        return new ApprovedRequest(user.getId(), join(tenant, user, roles, "join-request",
                Map.of("requestId", requestId, "approvedBy", actorId == null ? "" : actorId)));
    }

    /** Refuses a pending request: the person is not asked again, and cannot join by domain. */
    public void deny(OrganizationModel tenant, String requestId, String actorId) {
        TenancyJoinRequestEntity row = pendingRequest(tenant, requestId);
        row.decide(JoinStanding.DENIED, System.currentTimeMillis(), actorId);
        audit.tenantChange(TenancyResourceType.TENANCY_JOIN_REQUEST, OperationType.UPDATE, tenant.getId(),
                Map.of("id", row.id(), "userId", row.userId(), "state", "denied"), "tenants", tenant.getId(), "join",
                "requests", row.id());
    }

    private TenancyJoinRequestEntity pendingRequest(OrganizationModel tenant, String requestId) {
        return (requestId == null || requestId.length() > 36 ? Optional.<TenancyJoinRequestEntity>empty()
                : requests().lockedById(tenant.getId(), requestId))
                .filter(row -> row.state() == JoinStanding.PENDING)
                .orElseThrow(() -> TenancyException.notFound("No pending request to join with this id in this tenant"));
    }

    private SortedSet<String> join(OrganizationModel tenant, UserModel user, Set<String> roles, String joinedBy,
            Map<String, String> more) {
        SortedSet<String> held = new MemberService(session, realm, audit).admit(tenant, user, roles);
        requests().forget(tenant.getId(), user.getId());
        Map<String, Object> joined = new LinkedHashMap<>();
        joined.put("userId", user.getId());
        joined.put("roles", held);
        joined.put("joinedBy", joinedBy);
        if (more != null) {
            joined.putAll(more);
        }
        audit.tenantChange(TenancyResourceType.TENANCY_MEMBER, OperationType.CREATE, tenant.getId(), joined,
                "tenants", tenant.getId(), "members", user.getId());
        return held;
    }

    /** The tenant of the user's verified address by verified domain, if they are not in it and not kept out. */
    private Optional<OrganizationModel> candidateTenant(UserModel user) {
        return new VerifiedDomains(session).tenantOf(user)
                .filter(tenant -> !session.getProvider(OrganizationProvider.class).isMember(tenant, user))
                .filter(tenant -> !requests().keptOut(tenant.getId(), user));
    }

    private JoinPolicies policies() {
        return new JoinPolicies(session.getProvider(JpaConnectionProvider.class).getEntityManager(), realm.getId());
    }

    private JoinRequests requests() {
        return new JoinRequests(session.getProvider(JpaConnectionProvider.class).getEntityManager(), realm.getId());
    }
}
