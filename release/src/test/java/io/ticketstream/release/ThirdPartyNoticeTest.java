package io.ticketstream.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed NOTICE is the one this build rendered from the archives (release/target/inventory/NOTICE), so it
 * cannot drift from what is shipped: a new, removed or upgraded third-party jar fails here until NOTICE is regenerated.
 */
class ThirdPartyNoticeTest {

    @Test
    void committedNoticeListsExactlyWhatTheArchivesHold() throws IOException {
        Path generated = ReleaseFiles.inventoryDir().resolve("NOTICE");
        Path committed = ReleaseFiles.projectRoot().resolve("NOTICE");
        assertEquals(Files.readString(generated), Files.readString(committed),
                "NOTICE is stale: the release ships other third-party jars than it lists. Regenerate: cp "
                        + generated + " " + committed);
    }

    @Test
    void licenceIsApache2() throws IOException {
        String licence = Files.readString(ReleaseFiles.projectRoot().resolve("LICENSE"));
        assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004")
                && licence.contains("END OF TERMS AND CONDITIONS"), "LICENSE is not the Apache License 2.0 text");
    }
}
