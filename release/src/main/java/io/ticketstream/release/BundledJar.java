package io.ticketstream.release;

/**
 * One third-party jar (or a library merged into one of our runnable jars) that a release redistributes.
 *
 * @param shippedIn where a user finds it: a plugin folder name (the same in the component archive and in the
 *                  plugin.path tarball) or a runnable jar's file name
 * @param fileName  the jar's file name, or the name of the jar it is merged into
 * @param sha256    of the jar file; empty for a library merged into another jar (it has no file of its own)
 * @param form      a jar file of its own, or classes merged into one of our runnable jars or into a vendor's jar
 */
public record BundledJar(String shippedIn, String groupId, String artifactId, String version, String fileName,
                         String sha256, Form form) {

    /** How the artifact travels. */
    public enum Form { JAR_FILE, MERGED_INTO_OUR_JAR, MERGED_INTO_VENDOR_JAR }

    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version;
    }

    public boolean isOurs() {
        return ReleaseInventory.OWN_GROUP_ID.equals(groupId);
    }
}
