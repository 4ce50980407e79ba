package dev.tenancy.keycloak.credential.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a sealed secret belongs to, fed to AES-GCM as additional authenticated data. Version {@value #V1} (rows
 * sealed before December 2026) binds realm, scope, owner, credential id and type; version {@value #V2} also
 * provider and name, so a row relabelled as another provider or name fails authentication instead of
 * decrypting. Each version has its own prefix, so a row cannot be opened under a version it was not sealed
 * with (a row marked back to version 1 in the database does not open). Each part is length-prefixed, so no two
 * different bindings give the same bytes.
 */
public record CredentialBinding(int version, String realmId, String scope, String ownerId, String credentialId,
        String type, String provider, String name) {

    public static final int V1 = 1;
    public static final int V2 = 2;
    /** The version new values are sealed under, and that a rewrap moves older rows to. */
    public static final int CURRENT = V2;

    /** The same credential in another binding version. */
    public CredentialBinding at(int otherVersion) {
        return new CredentialBinding(otherVersion, realmId, scope, ownerId, credentialId, type, provider, name);
    }

    byte[] bytes() {
        String[] parts = switch (version) {
            case V1 -> new String[] {realmId, scope, ownerId, credentialId, type};
            case V2 -> new String[] {realmId, scope, ownerId, credentialId, type, provider, name};
            default -> throw new CredentialDecryptionException("The row names binding version " + version
                    + ", which this version of the extension does not know");
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("tenancy-credential-v" + version).getBytes(StandardCharsets.US_ASCII));
        for (String part : parts) {
            byte[] encoded = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
            out.write(encoded.length >>> 8);
            out.write(encoded.length);
            out.writeBytes(encoded);
        }
        return out.toByteArray();
    }
}
