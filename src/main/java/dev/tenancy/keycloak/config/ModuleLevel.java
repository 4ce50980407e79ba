package dev.tenancy.keycloak.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How far a tenant role reaches into a module; levels are ordered, each includes the ones below it. */
public enum ModuleLevel {
    NONE, READ, WRITE, ADMIN;

    public static Optional<ModuleLevel> parse(String text) {
        return Arrays.stream(values()).filter(level -> level.label().equals(text)).findFirst();
    }

    /** The same map with each level as its label, in the map's order: the JSON form of a module map. */
    public static Map<String, String> labels(Map<String, ModuleLevel> levels) {
        Map<String, String> labels = new LinkedHashMap<>();
        levels.forEach((name, level) -> labels.put(name, level.label()));
        return labels;
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
