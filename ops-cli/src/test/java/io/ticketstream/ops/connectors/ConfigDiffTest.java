package io.ticketstream.ops.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {

    @Test
    void showsAddedRemovedAndChangedKeysSorted() {
        ConfigDiff diff = ConfigDiff.between(
                Map.of("tasks.max", "1", "topics", "a", "old.key", "x"),
                Map.of("tasks.max", "2", "topics", "a", "new.key", "y"));
        assertEquals(List.of("+ new.key = y", "- old.key = x", "~ tasks.max : 1 -> 2"),
                diff.render(new SecretMasker(Set.of())));
    }

    @Test
    void identicalConfigsHaveNoDiff() {
        assertTrue(ConfigDiff.between(Map.of("a", "1"), Map.of("a", "1")).isEmpty());
    }

    @Test
    void passwordLiteralsAreMaskedAndProviderReferencesShown() {
        SecretMasker masker = new SecretMasker(Set.of("connection.pwd"));
        ConfigDiff diff = ConfigDiff.between(
                Map.of("connection.pwd", "hunter2", "database.password", "${file:/secrets/db.properties:password}"),
                Map.of("connection.pwd", "hunter3", "database.password", "${env:DB_PASSWORD}"));
        List<String> lines = diff.render(masker);
        assertEquals(List.of(
                "~ connection.pwd : ******** -> ******** (secret changed)",
                "~ database.password : ${file:/secrets/db.properties:password} -> ${env:DB_PASSWORD}"), lines);
        lines.forEach(line -> assertFalse(line.contains("hunter")));
    }

    @Test
    void secretNamesAreMaskedEvenWhenThePluginDoesNotDeclarePassword() {
        SecretMasker masker = new SecretMasker(Set.of());
        assertEquals(SecretMasker.MASK, masker.show("braze.api.key", "abc"));
        assertEquals(SecretMasker.MASK, masker.show("snowflake.private.key", "MIIE..."));
        assertEquals("https://rest.iad-01.braze.com", masker.show("braze.rest.endpoint", "https://rest.iad-01.braze.com"));
    }
}
