package dev.tenancy.keycloak.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One API key (TENANCY_API_KEY): owned by a user, bound to a tenant or personal (no tenant). The key itself
 * is never stored, only its SHA-256 and the first characters for display. Times are epoch milliseconds.
 */
@Entity(name = "TenancyApiKey")
@Table(name = "TENANCY_API_KEY")
@NamedQueries({
    // By the unique hash alone, so every database uses that index; the store checks the realm.
    @NamedQuery(name = "tenancy.apiKeyByHash", query = "select k from TenancyApiKey k where k.keyHash = :keyHash"),
    @NamedQuery(name = "tenancy.apiKeyOfUser", query = "select k from TenancyApiKey k"
            + " where k.realmId = :realmId and k.userId = :userId and k.id = :id"),
    @NamedQuery(name = "tenancy.apiKeyOfTenant", query = "select k from TenancyApiKey k"
            + " where k.realmId = :realmId and k.tenantId = :tenantId and k.id = :id"),
    @NamedQuery(name = "tenancy.apiKeysOfUser", query = "select k from TenancyApiKey k"
            + " where k.realmId = :realmId and k.userId = :userId order by k.createdAt desc, k.id"),
    @NamedQuery(name = "tenancy.apiKeysOfUserInTenant", query = "select k from TenancyApiKey k"
            + " where k.realmId = :realmId and k.userId = :userId and k.tenantId = :tenantId"
            + " order by k.createdAt desc, k.id"),
    @NamedQuery(name = "tenancy.apiKeysOfTenant", query = "select k from TenancyApiKey k"
            + " where k.realmId = :realmId and k.tenantId = :tenantId order by k.createdAt desc, k.id"),
    @NamedQuery(name = "tenancy.revokeApiKey", query = "update TenancyApiKey k"
            + " set k.revokedAt = :now, k.revokedBy = :actorId"
            + " where k.realmId = :realmId and k.id = :id and k.revokedAt is null"),
    @NamedQuery(name = "tenancy.revokeApiKeysOfMember", query = "update TenancyApiKey k"
            + " set k.revokedAt = :now"
            + " where k.realmId = :realmId and k.tenantId = :tenantId and k.userId = :userId and k.revokedAt is null"),
    @NamedQuery(name = "tenancy.replaceApiKey", query = "update TenancyApiKey k"
            + " set k.replacedBy = :replacement, k.expiresAt = :graceEnd"
            + " where k.realmId = :realmId and k.id = :id and k.revokedAt is null and k.replacedBy is null"),
    @NamedQuery(name = "tenancy.touchApiKey", query = "update TenancyApiKey k set k.lastUsedAt = :now"
            + " where k.id = :id and (k.lastUsedAt is null or k.lastUsedAt < :before)"),
    @NamedQuery(name = "tenancy.deleteApiKeysOfTenant", query = "delete from TenancyApiKey k"
            + " where k.realmId = :realmId and k.tenantId = :tenantId"),
    @NamedQuery(name = "tenancy.deleteApiKeysOfUser", query = "delete from TenancyApiKey k"
            + " where k.realmId = :realmId and k.userId = :userId"),
    @NamedQuery(name = "tenancy.deleteApiKeysOfRealm", query = "delete from TenancyApiKey k"
            + " where k.realmId = :realmId"),
})
public class TenancyApiKeyEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "TENANT_ID", length = 36)
    private String tenantId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "NAME", length = 255, nullable = false)
    private String name;

    @Column(name = "KEY_PREFIX", length = 32, nullable = false)
    private String keyPrefix;

    @Column(name = "KEY_HASH", length = 64, nullable = false)
    private String keyHash;

    @Column(name = "SCOPES", length = 4000, nullable = false)
    private String scopes;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "EXPIRES_AT")
    private Long expiresAt;

    @Column(name = "LAST_USED_AT")
    private Long lastUsedAt;

    @Column(name = "REVOKED_AT")
    private Long revokedAt;

    @Column(name = "REVOKED_BY", length = 36)
    private String revokedBy;

    @Column(name = "REPLACED_BY", length = 36)
    private String replacedBy;

    protected TenancyApiKeyEntity() {
    }

    TenancyApiKeyEntity(String id, String realmId, String tenantId, String userId, String name, String keyPrefix,
            String keyHash, String scopes, long createdAt, Long expiresAt) {
        this.id = id;
        this.realmId = realmId;
        this.tenantId = tenantId;
        this.userId = userId;
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash;
        this.scopes = scopes;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String id() {
        return id;
    }

    String realmId() {
        return realmId;
    }

    String tenantId() {
        return tenantId;
    }

    String userId() {
        return userId;
    }

    String name() {
        return name;
    }

    String keyPrefix() {
        return keyPrefix;
    }

    String scopes() {
        return scopes;
    }

    long createdAt() {
        return createdAt;
    }

    Long expiresAt() {
        return expiresAt;
    }

    Long lastUsedAt() {
        return lastUsedAt;
    }

    Long revokedAt() {
        return revokedAt;
    }

    String revokedBy() {
        return revokedBy;
    }

    String replacedBy() {
        return replacedBy;
    }
}
