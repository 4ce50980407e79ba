package dev.tenancy.keycloak.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModuleLevelTest {

    @ParameterizedTest
    @CsvSource({"none,NONE", "read,READ", "write,WRITE", "admin,ADMIN"})
    void parsesLowerCaseLabels(String label, ModuleLevel level) {
        assertThat(ModuleLevel.parse(label)).contains(level);
        assertThat(level.label()).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({"READ", "Write", "owner", "''", "' read'"})
    void rejectsAnythingElse(String label) {
        assertThat(ModuleLevel.parse(label)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"NONE,READ,READ", "WRITE,READ,WRITE", "ADMIN,NONE,ADMIN", "WRITE,WRITE,WRITE"})
    void maxIsTheHigherLevel(ModuleLevel a, ModuleLevel b, ModuleLevel expected) {
        assertThat(a.max(b)).isEqualTo(expected);
        assertThat(b.max(a)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"ADMIN,WRITE,true", "WRITE,WRITE,true", "READ,WRITE,false", "NONE,READ,false"})
    void aLevelIncludesTheLevelsBelowIt(ModuleLevel held, ModuleLevel wanted, boolean included) {
        assertThat(held.includes(wanted)).isEqualTo(included);
    }

    @Test
    void labelsKeepTheOrderOfTheMap() {
        SortedMap<String, ModuleLevel> levels = new TreeMap<>(
                Map.of("reports", ModuleLevel.READ, "billing", ModuleLevel.ADMIN));

        assertThat(ModuleLevel.labels(levels)).containsExactly(
                Map.entry("billing", "admin"), Map.entry("reports", "read"));
    }
}
