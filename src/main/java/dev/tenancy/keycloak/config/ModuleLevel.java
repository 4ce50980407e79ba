package dev.tenancy.keycloak.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How far a tenant role reaches into a module; levels are ordered, each includes the ones below it. */
public enum ModuleLevel {
    NONE, READ, WRITE, ADMIN;

    public static Optional<ModuleLevel> parse(String text) {
        return Arrays.stream(values()).filter(level -> level.label().equals(text)).findFirst();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ModuleLevel max(ModuleLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public ModuleLevel min(ModuleLevel other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean includes(ModuleLevel other) {
        return compareTo(other) >= 0;
    }
}
