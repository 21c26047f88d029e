package io.ticketstream.streams.topology;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Warns at start-up about a canonical topic that would lose replayed output: one with time-based retention whose
 * records keep their producer timestamp ({@code CreateTime}). The app stamps its records with the source's commit
 * time, so a replay of CDC older than the retention would be deleted by the broker as soon as it is written. Only a
 * warning: the topics may be owned by another team, and the fix is theirs ({@code message.timestamp.type=LogAppendTime},
 * as docker/kafka/create-topics.sh sets it).
 */
final class CanonicalTopicCheck {

    private static final Logger log = LoggerFactory.getLogger(CanonicalTopicCheck.class);

    private CanonicalTopicCheck() {
    }

    /** @return the warnings logged (empty when every topic is set up to keep replayed output) */
    static List<String> warnAbout(Admin admin, Collection<String> topics, Duration timeout) {
        List<String> warnings = new ArrayList<>();
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs;
        try {
            configs = admin.describeConfigs(resources).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("Could not check the canonical topics' timestamp and retention settings: {}", e.toString());
            return warnings;
        }
        configs.forEach((resource, config) -> {
            String timestampType = value(config, TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
            String cleanup = value(config, TopicConfig.CLEANUP_POLICY_CONFIG);
            String retention = value(config, TopicConfig.RETENTION_MS_CONFIG);
            if ("CreateTime".equals(timestampType) && cleanup != null && cleanup.contains(TopicConfig.CLEANUP_POLICY_DELETE)
                    && retention != null && !retention.equals("-1")) {
                String warning = "canonical topic " + resource.name() + " keeps its records' producer timestamps "
                        + "(message.timestamp.type=CreateTime) with retention.ms=" + retention + ": this app stamps records "
                        + "with the source's commit time, so replaying CDC older than the retention would be deleted by the "
                        + "broker at once; set message.timestamp.type=LogAppendTime on it";
                warnings.add(warning);
                log.warn(warning);
            }
        });
        return warnings;
    }

    private static String value(Config config, String name) {
        var entry = config.get(name);
        return entry == null ? null : entry.value();
    }
}
