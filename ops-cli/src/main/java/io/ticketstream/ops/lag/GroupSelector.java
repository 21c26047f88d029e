package io.ticketstream.ops.lag;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which consumer groups to watch. Default: the streams application's group(s) by name, every running Kafka Streams
 * app the sampler recognises by its members' assignor, and every sink connector's {@code connect-<name>} group
 * (Connect's naming). A regex replaces the default when given.
 * Connect's own worker group (protocol type "connect", e.g. {@code connect-cluster}) holds no offsets and is skipped
 * by the sampler, whatever its name.
 */
public final class GroupSelector {
    private final Set<String> streamsGroups;
    private final Pattern regex;

    public GroupSelector(Set<String> streamsGroups, Pattern regex) {
        this.streamsGroups = Set.copyOf(streamsGroups);
        this.regex = regex;
    }

    public boolean selects(String groupId) {
        if (regex != null) {
            return regex.matcher(groupId).matches();
        }
        return streamsGroups.contains(groupId) || groupId.startsWith("connect-");
    }

    /** The default selection also takes groups whose members run Kafka Streams; a regex is exact. */
    public boolean findsStreamsApps() {
        return regex == null;
    }

    @Override
    public String toString() {
        return regex != null ? "groups matching /" + regex + "/" : "groups " + streamsGroups + ", running Kafka Streams apps and connect-*";
    }
}
