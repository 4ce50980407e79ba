package dev.tenancy.keycloak.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResourceType;
import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.credential.CredentialRows;
import dev.tenancy.keycloak.domain.DomainName;
import dev.tenancy.keycloak.domain.TenancyDomainProofEntity;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.invitation.InvitationRows;
import dev.tenancy.keycloak.join.JoinMode;
import dev.tenancy.keycloak.join.Mailbox;
import dev.tenancy.keycloak.jpa.RealmWriteLock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * A file of {@link TransferExport} into a realm, in the request's one transaction: every row is read and checked
 * before the first is written, and either all are written or none.
 * <ul>
 *   <li>Into a realm that holds no tenancy rows (right after Keycloak's import of the realm): the rows must fit the
 *   realm as the admin API would have them — organizations, users, memberships, groups, roles and modules of the
 *   realm's configuration, ids and hashes no other row of the server holds — and the caller must hold what making
 *   them through the API needs.</li>
 *   <li>Into a realm that holds tenancy rows: only a repeated import, in which every row of the file is there
 *   unchanged, answers (nothing written). Anything else is refused: an import never merges, so an old file can
 *   neither bring back a deleted key or credential nor change a row the realm holds.</li>
 * </ul>
 */
final class TransferImport {

    private static final int FLUSH_EVERY = 200;
    private static final int CHUNK = 500;
    private static final int NAMED_IN_MESSAGE = 5;
    /** Fields a realm changes by using a row (not by changing it): a repeated import does not compare them. */
    private static final Set<String> USE_FIELDS = Set.of("lastUsedAt");
    /** The kinds whose ids the admin event lists: rows that act for a user or hold a link or a secret. */
    private static final List<RowKind> AUDITED = List.of(RowKind.INVITATIONS, RowKind.API_KEYS, RowKind.CREDENTIALS);
    /** Our rows' ids are Keycloak-generated UUIDs; an API key's id is also part of its token's id, split at a dot. */
    private static final Pattern ROW_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Times that record what happened: none lies ahead (a clock a minute apart aside). */
    private static final List<String> PAST = List.of("createdAt", "sentAt", "mailedAt", "acceptedAt", "declinedAt",
            "revokedAt", "lastUsedAt", "updatedAt", "rotatedAt", "provenAt", "setAt", "decidedAt");
    private static final long CLOCK_SKEW_MILLIS = 60_000;

    private final KeycloakSession session;
    private final EntityManager em;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final TenancyAudit audit;

    TransferImport(KeycloakSession session, EntityManager em, RealmModel realm, AdminPermissionEvaluator auth,
            TenancyAudit audit) {
        this.session = session;
        this.em = em;
        this.realm = realm;
        this.auth = auth;
        this.audit = audit;
    }

    TransferReport run(TransferDocument document) {
        requireSameRealm(document);
        Map<RowKind, ParsedRows> parsed = new LinkedHashMap<>();
        for (RowKind kind : RowKind.ALL) {
            parsed.put(kind, parse(kind, document.rows(kind.name())));
        }
        requireConsistent(parsed);
        requireMayImpersonate(parsed.get(RowKind.API_KEYS));
        // Two imports at once would both find the realm empty and merge: the second waits for the first's commit.
        RealmWriteLock.hold(em, realm.getId());
        if (realmHoldsRows()) {
            return repeated(parsed);
        }
        new ImportRules(session, em, realm, auth).require(document, parsed);
        requireNewOnServer(parsed);
        return written(parsed);
    }

    private void requireSameRealm(TransferDocument document) {
        if (!realm.getId().equals(document.realm().id())) {
            throw TenancyException.conflict("The file holds the tenancy data of realm id '" + document.realm().id()
                    + "', this realm's id is '" + realm.getId() + "'. Credentials are sealed to the realm id: import "
                    + "Keycloak's export of that realm (it keeps the id) first, then this file into it; nothing was "
                    + "imported.");
        }
    }

    /**
     * A key acts as its user: the caller must be allowed to impersonate each key's owner, as Keycloak's own
     * impersonation checks it (the role, no owner with more admin roles than the caller, fine-grained permissions).
     */
    private void requireMayImpersonate(ParsedRows keys) {
        Set<String> owners = new TreeSet<>();
        for (int i = 0; i < keys.size(); i++) {
            owners.add(keys.text(i, "userId"));
        }
        for (String owner : owners) {
            UserModel user = session.users().getUserById(realm, owner);
            // A missing owner is refused later, naming it with the realm's other missing references.
            if (user != null && !auth.users().canImpersonate(user, null)) {
                throw TenancyException.forbidden("The file holds API keys of user '" + user.getUsername() + "', whom "
                        + "you may not impersonate (a key acts as its user: role 'impersonation' of realm-management, "
                        + "and no admin role you lack); nothing was imported");
            }
        }
    }

    /** Each row as an entity, its values checked as the database and the features take them; 400 naming the field. */
    @SuppressWarnings("unchecked")
    private ParsedRows parse(RowKind kind, List<JsonNode> json) {
        EntityRows<Object> rows = (EntityRows<Object>) kind.rows();
        List<Object> entities = new ArrayList<>(json.size());
        List<ObjectNode> normalised = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            String path = kind.name() + "[" + i + "]";
            Object entity = rows.fromJson(json.get(i), path);
            if (kind.hasRealmId() && !realm.getId().equals(rows.value(entity, "realmId"))) {
                throw TenancyException.invalid("'" + path + ".realmId' must be the realm's id '" + realm.getId() + "'");
            }
            requireValues(kind, rows, entity, path);
            entities.add(entity);
            normalised.add(rows.toJson(entity));
        }
        return new ParsedRows(kind, entities, normalised);
    }

    private void requireValues(RowKind kind, EntityRows<Object> rows, Object entity, String path) {
        Object id = rows.value(entity, "id");
        if (!(id instanceof String text) || !ROW_ID.matcher(text).matches()) {
            throw TenancyException.invalid("'" + path + ".id' must be a lower-case UUID");
        }
        long latest = System.currentTimeMillis() + CLOCK_SKEW_MILLIS;
        for (String field : PAST) {
            if (rows.has(field) && rows.value(entity, field) instanceof Long time && (time < 0 || time > latest)) {
                throw TenancyException.invalid("'" + path + "." + field + "' must be a time of the past");
            }
        }
        if (kind == RowKind.INVITATIONS) {
            String status = (String) rows.value(entity, "status");
            if (!InvitationRows.isStatus(status)) {
                throw TenancyException.invalid("'" + path + ".status' is not a status of an invitation: '" + status + "'");
            }
            if (!InvitationRows.isAuthority((String) rows.value(entity, "invitedVia"))) {
                throw TenancyException.invalid("'" + path + ".invitedVia' must be \"admin\", \"member\" or null");
            }
            if (!InvitationRows.isEmail((String) rows.value(entity, "email"))) {
                throw TenancyException.invalid("'" + path + ".email' must be a valid address in lower case");
            }
            if (!InvitationRows.isLifespan(status, (Long) rows.value(entity, "sentAt"),
                    (Long) rows.value(entity, "expiresAt"))) {
                throw TenancyException.invalid("'" + path + ".expiresAt' lies further after 'sentAt' than an "
                        + "invitation may live");
            }
            // Derived, never taken from the file: a made-up key could hold another tenant's address hostage.
            rows.set(entity, "pendingKey", InvitationRows.pendingKey(status, (String) rows.value(entity, "tenantId"),
                    (String) rows.value(entity, "email")));
        } else if (kind == RowKind.MODULE_OVERRIDES) {
            String level = (String) rows.value(entity, "level");
            if (ModuleLevel.parse(level).isEmpty()) {
                throw TenancyException.invalid("'" + path + ".level' is not a module level: '" + level + "'");
            }
        } else if (kind == RowKind.CREDENTIALS) {
            if ("SYSTEM".equals(String.valueOf(rows.value(entity, "scope")))
                    && !realm.getId().equals(rows.value(entity, "ownerId"))) {
                throw TenancyException.invalid("'" + path + ".ownerId' of a SYSTEM credential must be the realm's id");
            }
            if (!CredentialRows.isProvider((String) rows.value(entity, "provider"))) {
                throw TenancyException.invalid("'" + path + ".provider' is not a provider name");
            }
            if (!CredentialRows.isMetadata((String) rows.value(entity, "metadata"))) {
                throw TenancyException.invalid("'" + path + ".metadata' is not metadata as the API stores it");
            }
            // Derived, as the pending key: lookups by name go through it.
            rows.set(entity, "nameKey", CredentialRows.nameKey((String) rows.value(entity, "name")));
        } else if (kind == RowKind.DOMAIN_PROOFS) {
            String domain = (String) rows.value(entity, "domain");
            if (!isDomainName(domain)) {
                throw TenancyException.invalid("'" + path + ".domain' is not a domain name in lower case: '" + domain
                        + "'");
            }
            if (!TenancyDomainProofEntity.isMethod((String) rows.value(entity, "method"))) {
                throw TenancyException.invalid("'" + path + ".method' must be \"dns\" or \"vouched\"");
            }
        } else if (kind == RowKind.JOIN_POLICIES) {
            String mode = (String) rows.value(entity, "mode");
            if (JoinMode.of(mode).filter(joinMode -> joinMode != JoinMode.OFF).isEmpty()) {
                throw TenancyException.invalid("'" + path + ".mode' must be \"suggest\" or \"auto\"");
            }
        } else if (kind == RowKind.JOIN_REQUESTS) {
            // Derived, never taken from the file: it decides who is kept out.
            rows.set(entity, "mailbox", Mailbox.of((String) rows.value(entity, "email")));
        }
    }

    /** No two rows of the file share what the database keeps unique; child rows belong to invitations of the file. */
    private static void requireConsistent(Map<RowKind, ParsedRows> parsed) {
        for (ParsedRows rows : parsed.values()) {
            for (List<String> fields : rows.kind().uniqueInRealm()) {
                Map<String, Integer> seen = new HashMap<>();
                for (int i = 0; i < rows.size(); i++) {
                    String key = key(rows.rows().get(i), fields);
                    Integer earlier = key == null ? null : seen.putIfAbsent(key, i);
                    if (earlier != null) {
                        throw TenancyException.invalid("'" + rows.path(i) + "' repeats " + String.join(", ", fields)
                                + " of '" + rows.path(earlier) + "'");
                    }
                }
            }
        }
        Set<String> invitations = new HashSet<>();
        ParsedRows invitationRows = parsed.get(RowKind.INVITATIONS);
        for (int i = 0; i < invitationRows.size(); i++) {
            invitations.add(invitationRows.text(i, "id"));
        }
        for (RowKind kind : List.of(RowKind.INVITATION_ROLES, RowKind.INVITATION_GROUPS)) {
            ParsedRows rows = parsed.get(kind);
            for (int i = 0; i < rows.size(); i++) {
                if (!invitations.contains(rows.text(i, "invitationId"))) {
                    throw TenancyException.invalid("'" + rows.path(i) + ".invitationId' names no invitation of the "
                            + "file");
                }
            }
        }
    }

    private static String key(ObjectNode row, List<String> fields) {
        StringBuilder key = new StringBuilder();
        for (String field : fields) {
            JsonNode value = row.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            key.append(value.asText()).append('\n');
        }
        return key.toString();
    }

    /**
     * Locking reads, which see the newest committed rows also where a transaction reads a snapshot (MariaDB's
     * repeatable read). Invitation role and group rows need no look: they come with their invitation.
     */
    private boolean realmHoldsRows() {
        return RowKind.ALL.stream().filter(RowKind::hasRealmId).anyMatch(kind -> !em.createQuery(kind.anyQuery(),
                        String.class)
                .setParameter("realmId", realm.getId())
                .setLockMode(LockModeType.PESSIMISTIC_READ)
                .setMaxResults(1)
                .getResultList()
                .isEmpty());
    }

    /** A realm that holds rows takes a file only when it holds every row of it unchanged: nothing is written. */
    private TransferReport repeated(Map<RowKind, ParsedRows> parsed) {
        List<String> differing = new ArrayList<>();
        int total = 0;
        TransferReport report = TransferReport.empty(realm.getName());
        for (ParsedRows rows : parsed.values()) {
            Map<String, ObjectNode> held = held(rows);
            for (int i = 0; i < rows.size(); i++) {
                ObjectNode row = rows.rows().get(i);
                ObjectNode there = held.get(row.path("id").textValue());
                if (there == null || !comparable(there).equals(comparable(row))) {
                    differing.add(rows.path(i));
                }
            }
            total += rows.size();
            report.count(rows.kind().name(), 0, rows.size());
        }
        if (!differing.isEmpty()) {
            throw TenancyException.conflict("This realm holds tenancy data already, and " + differing.size() + " of the "
                    + total + " rows of the file are not in it as the file has them (" + named(differing) + "). An "
                    + "import writes into a realm without tenancy data (right after Keycloak's import of the realm); "
                    + "into a realm with data it only confirms a repeated import and never merges. Nothing was "
                    + "imported.");
        }
        return report;
    }

    /**
     * The realm's rows with the file's ids, by locking reads: after waiting for a concurrent import's lock, a
     * snapshot read (MariaDB's repeatable read) would miss the rows it wrote. A locking read does not reach into
     * a subquery there, so an invitation's child rows are read by id alone and kept when their invitation is one
     * of the realm's (read with a lock too).
     */
    @SuppressWarnings("unchecked")
    private Map<String, ObjectNode> held(ParsedRows rows) {
        EntityRows<Object> entityRows = (EntityRows<Object>) rows.kind().rows();
        List<String> ids = rows.rows().stream().map(row -> row.path("id").textValue()).toList();
        boolean ownRealm = rows.kind().hasRealmId();
        Set<String> invitations = ownRealm ? Set.of() : realmInvitationIds();
        Map<String, ObjectNode> held = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            var query = em.createQuery(ownRealm ? rows.kind().byIdQuery() : rows.kind().byIdAnywhereQuery(),
                    (Class<Object>) entityRows.type());
            if (ownRealm) {
                query.setParameter("realmId", realm.getId());
            }
            query.setParameter("values", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .setLockMode(LockModeType.PESSIMISTIC_READ)
                    .getResultList()
                    .forEach(entity -> {
                        if (ownRealm || invitations.contains((String) entityRows.value(entity, "invitationId"))) {
                            held.put((String) entityRows.value(entity, "id"), entityRows.toJson(entity));
                        }
                        em.detach(entity);
                    });
        }
        return held;
    }

    private Set<String> realmInvitationIds() {
        return new HashSet<>(em.createQuery("select i.id from TenancyInvitation i where i.realmId = :realmId",
                        String.class)
                .setParameter("realmId", realm.getId())
                .setLockMode(LockModeType.PESSIMISTIC_READ)
                .getResultList());
    }

    private static ObjectNode comparable(ObjectNode row) {
        ObjectNode copy = row.deepCopy();
        copy.remove(USE_FIELDS);
        return copy;
    }

    /** Ids, token hashes, key hashes and pending keys are unique on the server: none of the file's may be taken. */
    private void requireNewOnServer(Map<RowKind, ParsedRows> parsed) {
        long taken = 0;
        for (ParsedRows rows : parsed.values()) {
            for (String field : rows.kind().uniqueOnServer()) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    String value = rows.text(i, field);
                    if (value != null) {
                        values.add(value);
                    }
                }
                for (int from = 0; from < values.size(); from += CHUNK) {
                    taken += em.createQuery(rows.kind().onServerQuery(field), String.class)
                            .setParameter("values", values.subList(from, Math.min(values.size(), from + CHUNK)))
                            .getResultList()
                            .size();
                }
            }
        }
        if (taken > 0) {
            // Not which, nor how many: they belong to another realm of the server.
            throw TenancyException.conflict("Ids or hashes of the file are held by rows outside this realm (which "
                    + "holds no tenancy data itself), so the file cannot be this realm's export; nothing was imported.");
        }
    }

    private TransferReport written(Map<RowKind, ParsedRows> parsed) {
        TransferReport report = TransferReport.empty(realm.getName());
        Map<String, List<String>> ids = new LinkedHashMap<>();
        List<Object> unflushed = new ArrayList<>();
        for (ParsedRows rows : parsed.values()) {
            for (Object entity : rows.entities()) {
                em.persist(entity);
                unflushed.add(entity);
                if (unflushed.size() == FLUSH_EVERY) {
                    flush(unflushed);
                }
            }
            flush(unflushed);
            report.count(rows.kind().name(), rows.size(), 0);
            if (AUDITED.contains(rows.kind())) {
                ids.put(rows.kind().name(), rows.rows().stream().map(row -> row.path("id").textValue()).toList());
            }
        }
        audit.realmChange(TenancyResourceType.TENANCY_TRANSFER, OperationType.CREATE,
                Map.of("imported", report.imported(), "ids", ids), "import");
        return report;
    }

    /** Writes and then lets go of the rows: a large import keeps no more than {@value #FLUSH_EVERY} in memory. */
    private void flush(List<Object> unflushed) {
        if (unflushed.isEmpty()) {
            return;
        }
        em.flush();
        unflushed.forEach(em::detach);
        unflushed.clear();
    }

    static String named(List<String> items) {
        return String.join(", ", items.subList(0, Math.min(NAMED_IN_MESSAGE, items.size())))
                + (items.size() > NAMED_IN_MESSAGE ? ", …" : "");
    }

    private static boolean isDomainName(String text) {
        try {
            return DomainName.parse(text).value().equals(text);
        } catch (RuntimeException notADomain) {
            return false;
        }
    }
}
