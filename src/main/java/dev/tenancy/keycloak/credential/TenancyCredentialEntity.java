package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.credential.crypto.CredentialBinding;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Locale;

/**
 * One stored secret (TENANCY_CREDENTIAL): the value only as AES-256-GCM ciphertext under its own data key,
 * the data key only wrapped by the KEK version the row names. Times are epoch milliseconds.
 */
@Entity(name = "TenancyCredential")
@Table(name = "TENANCY_CREDENTIAL")
@NamedQueries({
    @NamedQuery(name = "tenancy.credentialOfOwner", query = "select c from TenancyCredential c"
            + " where c.realmId = :realmId and c.scope = :scope and c.ownerId = :ownerId and c.id = :id"),
    @NamedQuery(name = "tenancy.credentialInRealm", query = "select c from TenancyCredential c"
            + " where c.realmId = :realmId and c.id = :id"),
    @NamedQuery(name = "tenancy.credentialByName", query = "select c from TenancyCredential c"
            + " where c.realmId = :realmId and c.scope = :scope and c.ownerId = :ownerId"
            + " and c.provider = :provider and c.nameKey = :nameKey"),
    @NamedQuery(name = "tenancy.credentialKeyVersions", query = "select c.kekVersion, count(c)"
            + " from TenancyCredential c where c.realmId = :realmId group by c.kekVersion"),
    @NamedQuery(name = "tenancy.credentialsToRebind", query = "select count(c) from TenancyCredential c"
            + " where c.realmId = :realmId and c.bindingVersion <> :binding"),
    @NamedQuery(name = "tenancy.countCredentialsToRewrap", query = "select count(c) from TenancyCredential c"
            + " where c.realmId = :realmId and (c.kekVersion <> :target or c.bindingVersion <> :binding)"),
    @NamedQuery(name = "tenancy.firstCredentialsToRewrap", query = "select c from TenancyCredential c"
            + " where c.realmId = :realmId and (c.kekVersion <> :target or c.bindingVersion <> :binding)"
            + " order by c.id"),
    @NamedQuery(name = "tenancy.nextCredentialsToRewrap", query = "select c from TenancyCredential c"
            + " where c.realmId = :realmId and (c.kekVersion <> :target or c.bindingVersion <> :binding)"
            + " and c.id > :after order by c.id"),
    // Bumps the row version, so that a change loaded before the rewrap fails instead of writing the old key back.
    @NamedQuery(name = "tenancy.rewrapCredential", query = "update TenancyCredential c"
            + " set c.wrappedKey = :wrappedKey, c.kekVersion = :target, c.rowVersion = c.rowVersion + 1"
            + " where c.realmId = :realmId and c.id = :id and c.kekVersion = :version and c.wrappedKey = :previous"
            + " and c.bindingVersion = :binding"),
    // The same condition: a row whose value changed meanwhile is sealed under the current binding already.
    @NamedQuery(name = "tenancy.rebindCredential", query = "update TenancyCredential c"
            + " set c.ciphertext = :ciphertext, c.wrappedKey = :wrappedKey, c.kekVersion = :target,"
            + " c.bindingVersion = :binding, c.rowVersion = c.rowVersion + 1"
            + " where c.realmId = :realmId and c.id = :id and c.kekVersion = :version and c.wrappedKey = :previous"
            + " and c.bindingVersion = :from"),
    @NamedQuery(name = "tenancy.touchCredential", query = "update TenancyCredential c set c.lastUsedAt = :now"
            + " where c.realmId = :realmId and c.id = :id and (c.lastUsedAt is null or c.lastUsedAt < :before)"),
    @NamedQuery(name = "tenancy.deleteCredentialsOfOwner", query = "delete from TenancyCredential c"
            + " where c.realmId = :realmId and c.scope = :scope and c.ownerId = :ownerId"),
    @NamedQuery(name = "tenancy.deleteCredentialsOfRealm", query = "delete from TenancyCredential c"
            + " where c.realmId = :realmId"),
})
public class TenancyCredentialEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Enumerated(EnumType.STRING)
    @Column(name = "SCOPE", length = 16, nullable = false)
    private CredentialScope scope;

    @Column(name = "OWNER_ID", length = 255, nullable = false)
    private String ownerId;

    @Column(name = "NAME", length = 255, nullable = false)
    private String name;

    /** The name lower-cased: what makes it unique per owner and provider, on every database alike. */
    @Column(name = "NAME_KEY", length = 255, nullable = false)
    private String nameKey;

    @Column(name = "PROVIDER", length = 64, nullable = false)
    private String provider;

    @Enumerated(EnumType.STRING)
    @Column(name = "TYPE", length = 16, nullable = false)
    private CredentialType type;

    @Column(name = "CIPHERTEXT", nullable = false)
    private String ciphertext;

    @Column(name = "WRAPPED_KEY", length = 128, nullable = false)
    private String wrappedKey;

    @Column(name = "KEK_VERSION", nullable = false)
    private int kekVersion;

    /** The {@link CredentialBinding} version the value is sealed under; older rows wait for a rewrap to move them. */
    @Column(name = "BINDING_VERSION", nullable = false)
    private int bindingVersion;

    @Column(name = "MASKED_VALUE", length = 16, nullable = false)
    private String maskedValue;

    @Column(name = "DESCRIPTION", length = 1000)
    private String description;

    @Column(name = "METADATA", length = 4000)
    private String metadata;

    @Column(name = "EXPIRES_AT")
    private Long expiresAt;

    @Column(name = "LAST_USED_AT")
    private Long lastUsedAt;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Column(name = "CREATED_BY", length = 255)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    @Column(name = "ROTATED_AT")
    private Long rotatedAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private int rowVersion;

    protected TenancyCredentialEntity() {
    }

    TenancyCredentialEntity(String id, String realmId, CredentialScope scope, String ownerId, String name,
            String provider, CredentialType type, String createdBy, long createdAt) {
        this.id = id;
        this.realmId = realmId;
        this.scope = scope;
        this.ownerId = ownerId;
        this.name = name;
        this.nameKey = nameKey(name);
        this.provider = provider;
        this.type = type;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.active = true;
    }

    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A new value: ciphertext, wrapped data key and its KEK version, its binding version, and the mask shown in lists. */
    void seal(String ciphertext, String wrappedKey, int kekVersion, int bindingVersion, String maskedValue) {
        this.ciphertext = ciphertext;
        this.wrappedKey = wrappedKey;
        this.kekVersion = kekVersion;
        this.bindingVersion = bindingVersion;
        this.maskedValue = maskedValue;
    }

    /** What the value is bound to, in the version it was sealed under. */
    CredentialBinding binding() {
        return binding(bindingVersion);
    }

    /**
     * What the value is bound to in {@code version}. Name and provider are part of it and have no setter: a
     * credential cannot be renamed, so no rename can leave a row that no longer opens.
     */
    CredentialBinding binding(int version) {
        return new CredentialBinding(version, realmId, scope.name(), ownerId, id, type.name(), provider, name);
    }

    void describe(String description, String metadata, Long expiresAt) {
        this.description = description;
        this.metadata = metadata;
        this.expiresAt = expiresAt;
    }

    void activate(boolean active) {
        this.active = active;
    }

    void updated(long now) {
        this.updatedAt = now;
    }

    void rotated(long now) {
        this.rotatedAt = now;
        this.updatedAt = now;
    }

    String id() {
        return id;
    }

    String realmId() {
        return realmId;
    }

    CredentialScope scope() {
        return scope;
    }

    String ownerId() {
        return ownerId;
    }

    String name() {
        return name;
    }

    String provider() {
        return provider;
    }

    CredentialType type() {
        return type;
    }

    String ciphertext() {
        return ciphertext;
    }

    String wrappedKey() {
        return wrappedKey;
    }

    int kekVersion() {
        return kekVersion;
    }

    int bindingVersion() {
        return bindingVersion;
    }

    String maskedValue() {
        return maskedValue;
    }

    String description() {
        return description;
    }

    String metadata() {
        return metadata;
    }

    Long expiresAt() {
        return expiresAt;
    }

    Long lastUsedAt() {
        return lastUsedAt;
    }

    boolean active() {
        return active;
    }

    String createdBy() {
        return createdBy;
    }

    long createdAt() {
        return createdAt;
    }

    long updatedAt() {
        return updatedAt;
    }

    Long rotatedAt() {
        return rotatedAt;
    }
}
