package dev.tenancy.keycloak.join;

import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.Fields;
import dev.tenancy.keycloak.json.JsonBodies;

/** {@code PUT …/join {"mode": "off|suggest|auto", "defaultRole": "member"}}; the role is required unless off. */
public record JoinPolicyInput(String mode, String defaultRole) implements JsonBodies.Validated<JoinPolicyInput> {

    @Override
    public JoinPolicyInput validated() {
        String checkedMode = Fields.requiredText("mode", mode, 16);
        JoinMode joinMode = JoinMode.of(checkedMode).orElseThrow(() ->
                TenancyException.invalid("Field 'mode' must be one of off, suggest, auto"));
        String role = Fields.text("defaultRole", defaultRole, 255);
        if (joinMode != JoinMode.OFF && role == null) {
            throw TenancyException.invalid("Field 'defaultRole' is required unless 'mode' is off: the role people "
                    + "get when they join");
        }
        return new JoinPolicyInput(checkedMode, joinMode == JoinMode.OFF ? null : role);
    }

    JoinMode joinMode() {
        return JoinMode.of(mode).orElse(JoinMode.OFF);
    }
}
