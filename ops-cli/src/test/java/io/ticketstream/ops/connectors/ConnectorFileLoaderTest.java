package io.ticketstream.ops.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorFileLoaderTest {
    @TempDir Path dir;

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    @Test
    void readsConnectRequestShapeAndFlatShapeAlike() throws IOException {
        write("a.json", "{\"name\":\"a\",\"config\":{\"connector.class\":\"X\",\"tasks.max\":2}}");
        write("b.json", "{\"name\":\"b\",\"connector.class\":\"Y\",\"enabled\":true}");
        List<ConnectorDefinition> all = new ConnectorFileLoader().load(dir);
        assertEquals(List.of("a", "b"), all.stream().map(ConnectorDefinition::name).toList());
        assertEquals("2", all.get(0).config().get("tasks.max"));
        assertEquals("a", all.get(0).config().get("name"));
        assertEquals("true", all.get(1).config().get("enabled"));
    }

    @Test
    void keepsConfigProviderReferencesVerbatim() throws IOException {
        Path file = write("c.json", "{\"name\":\"c\",\"config\":{\"connector.class\":\"X\",\"database.password\":\"${file:/run/secrets/db:password}\"}}");
        assertEquals("${file:/run/secrets/db:password}", new ConnectorFileLoader().loadFile(file).config().get("database.password"));
    }

    @Test
    void refusesMissingNameNestedValuesAndNameMismatchNamingTheFile() throws IOException {
        Path noName = write("n.json", "{\"connector.class\":\"X\"}");
        Path nested = write("m.json", "{\"name\":\"m\",\"config\":{\"transforms\":{\"a\":1}}}");
        Path mismatch = write("x.json", "{\"name\":\"x\",\"config\":{\"name\":\"y\"}}");
        Path broken = write("b.json", "{not json");
        ConnectorFileLoader loader = new ConnectorFileLoader();
        assertTrue(assertThrows(ConnectorFileException.class, () -> loader.loadFile(noName)).getMessage().contains("n.json"));
        assertTrue(assertThrows(ConnectorFileException.class, () -> loader.loadFile(nested)).getMessage().contains("'transforms'"));
        assertTrue(assertThrows(ConnectorFileException.class, () -> loader.loadFile(mismatch)).getMessage().contains("'y'"));
        assertTrue(assertThrows(ConnectorFileException.class, () -> loader.loadFile(broken)).getMessage().contains("not valid JSON"));
    }
}
