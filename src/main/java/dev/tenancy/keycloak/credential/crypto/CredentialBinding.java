package dev.tenancy.keycloak.credential.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a sealed secret belongs to, fed to AES-GCM as additional authenticated data: realm, scope, owner,
 * credential id and type. A row copied to another owner (or realm, or id), or relabelled as another type,
 * fails authentication instead of decrypting. Each part is length-prefixed, so no two different bindings
 * give the same bytes.
 */
public record CredentialBinding(String realmId, String scope, String ownerId, String credentialId, String type) {

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("tenancy-credential-v1".getBytes(StandardCharsets.US_ASCII));
        for (String part : new String[] {realmId, scope, ownerId, credentialId, type}) {
            byte[] encoded = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
            out.write(encoded.length >>> 8);
            out.write(encoded.length);
            out.writeBytes(encoded);
        }
        return out.toByteArray();
    }
}
