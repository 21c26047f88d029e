package io.ticketstream.release;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;

/**
 * The release's software bill of materials, CycloneDX 1.6 JSON, written with CycloneDX's own Java library from the
 * inventory (exact versions and SHA-256 of the jars shipped, not a re-resolved Maven graph). Reproducible: the time
 * is the build's output timestamp and the serial number is derived from the content.
 */
public final class SbomWriter {

    /** Licence names the inventory uses that are SPDX identifiers; others go in as plain names. */
    private static final Set<String> SPDX_IDS = Set.of("Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause",
            "EPL-2.0", "GPL-2.0-only", "GPL-2.0-with-classpath-exception", "LGPL-2.1-only", "MPL-2.0");

    private SbomWriter() {
    }

    public static String json(ReleaseInventory inventory, String version, Instant timestamp) {
        Bom bom = new Bom();
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(timestamp));
        Component release = new Component();
        release.setType(Component.Type.APPLICATION);
        release.setGroup(ReleaseInventory.OWN_GROUP_ID);
        release.setName("ticketstream");
        release.setVersion(version);
        release.setLicenses(licences(List.of("Apache-2.0")));
        metadata.setComponent(release);
        bom.setMetadata(metadata);

        StringBuilder identity = new StringBuilder(version);
        for (ReleaseInventory.Item item : inventory.items()) {
            String purl = "pkg:maven/" + item.groupId() + "/" + item.artifactId() + "@" + item.version() + "?type=jar";
            Component component = new Component();
            component.setType(Component.Type.LIBRARY);
            component.setBomRef(purl);
            component.setGroup(item.groupId());
            component.setName(item.artifactId());
            component.setVersion(item.version());
            component.setPurl(purl);
            List<Hash> hashes = new ArrayList<>();
            item.sha256().forEach(h -> hashes.add(new Hash(Hash.Algorithm.SHA_256, h)));
            if (!hashes.isEmpty()) {
                component.setHashes(hashes);
            }
            if (!item.licences().contains(ReleaseInventory.LICENCE_INSIDE_VENDOR_JAR)) {
                component.setLicenses(licences(item.licences()));
            }
            component.addProperty(new Property("ticketstream:shipped-in", String.join(", ", item.shippedIn())));
            if (!item.mergedInto().isEmpty()) {
                component.addProperty(new Property("ticketstream:merged-into", String.join(", ", item.mergedInto())));
            }
            bom.addComponent(component);
            identity.append('\n').append(purl).append(item.sha256());
        }
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(identity.toString().getBytes(StandardCharsets.UTF_8)));
        try {
            return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
        } catch (GeneratorException e) {
            throw new IllegalStateException("CycloneDX could not write the SBOM", e);
        }
    }

    private static LicenseChoice licences(List<String> names) {
        LicenseChoice choice = new LicenseChoice();
        for (String name : names) {
            License licence = new License();
            if (SPDX_IDS.contains(name)) {
                licence.setId(name);
            } else {
                licence.setName(name);
            }
            choice.addLicense(licence);
        }
        return choice;
    }
}
