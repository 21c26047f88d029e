package io.ticketstream.schemas.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.message.SchemaStore;

/**
 * Every published version of every canonical schema: the project's schema registry, shipped in the
 * schemas jar (see the module README). Immutable and thread-safe.
 *
 * <p>It is Avro's {@link SchemaStore}, so Avro's {@code BinaryMessageDecoder} resolves a single-object
 * fingerprint against it directly.
 */
public final class SchemaCatalog implements SchemaStore {

    /** Classpath folder of the published versions: {@code <root>/<SchemaName>/v<N>.avsc}. */
    public static final String PUBLISHED_ROOT = "io/ticketstream/schemas/published";

    private final Map<CanonicalEntity, List<PublishedSchema>> versionsByEntity;
    private final Map<Long, PublishedSchema> byFingerprint;

    private SchemaCatalog(Map<CanonicalEntity, List<PublishedSchema>> versionsByEntity) {
        this.versionsByEntity = versionsByEntity;
        Map<Long, PublishedSchema> index = new HashMap<>();
        // Later versions win a shared fingerprint: they differ from earlier ones only in docs or defaults,
        // and the latest of those is the one the generated classes were built from.
        versionsByEntity.values().forEach(versions -> versions.forEach(v -> index.put(v.fingerprint(), v)));
        this.byFingerprint = Map.copyOf(index);
    }

    /** The catalog of the published versions shipped with this jar. */
    public static SchemaCatalog canonical() {
        return CanonicalHolder.INSTANCE;
    }

    /**
     * Loads {@code <root>/<SchemaName>/v1.avsc}, {@code v2.avsc}, ... for every entity until the first
     * missing version. Probing (rather than listing a folder) works the same from a directory and a jar.
     */
    public static SchemaCatalog fromClasspath(ClassLoader loader, String root) {
        List<PublishedSchema> all = new ArrayList<>();
        for (CanonicalEntity entity : CanonicalEntity.values()) {
            for (int version = 1; ; version++) {
                String resource = root + "/" + entity.schemaName() + "/v" + version + ".avsc";
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        break;
                    }
                    all.add(PublishedSchema.of(entity, version, new Schema.Parser().parse(in)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read published schema " + resource, e);
                } catch (SchemaParseException | IllegalArgumentException e) {
                    throw new IllegalStateException("published schema " + resource + " is invalid: " + e.getMessage(), e);
                }
            }
        }
        return of(all);
    }

    /** A catalog of the given versions; each entity's versions must be 1..N without gaps. */
    public static SchemaCatalog of(Collection<PublishedSchema> versions) {
        Map<CanonicalEntity, List<PublishedSchema>> byEntity = new EnumMap<>(CanonicalEntity.class);
        for (PublishedSchema published : versions) {
            byEntity.computeIfAbsent(published.entity(), e -> new ArrayList<>()).add(published);
        }
        byEntity.replaceAll((entity, list) -> {
            list.sort((a, b) -> Integer.compare(a.version(), b.version()));
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).version() != i + 1) {
                    throw new IllegalArgumentException("published versions of " + entity.schemaName()
                            + " must be v1..vN without gaps or duplicates, found " + list);
                }
            }
            return List.copyOf(list);
        });
        return new SchemaCatalog(Collections.unmodifiableMap(byEntity));
    }

    /** The published version whose single-object fingerprint this is, if any. */
    public Optional<PublishedSchema> byFingerprint(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** {@link SchemaStore} view: the writer schema for a fingerprint, or null when none was published. */
    @Override
    public Schema findByFingerprint(long fingerprint) {
        PublishedSchema published = byFingerprint.get(fingerprint);
        return published == null ? null : published.schema();
    }

    /** A {@link SchemaStore} that resolves only the versions of one entity (others are "missing"). */
    public SchemaStore storeFor(CanonicalEntity entity) {
        return fingerprint -> {
            PublishedSchema published = byFingerprint.get(fingerprint);
            return published != null && published.entity() == entity ? published.schema() : null;
        };
    }

    /** The entities with at least one published version. */
    public Set<CanonicalEntity> entities() {
        return versionsByEntity.keySet();
    }

    /** All published versions of an entity, oldest first; empty when it has none. */
    public List<PublishedSchema> versions(CanonicalEntity entity) {
        return versionsByEntity.getOrDefault(entity, List.of());
    }

    /** The newest published version of an entity. */
    public PublishedSchema latest(CanonicalEntity entity) {
        List<PublishedSchema> versions = versions(entity);
        if (versions.isEmpty()) {
            throw new IllegalStateException("no published version of " + entity.schemaName() + " in this catalog");
        }
        return versions.get(versions.size() - 1);
    }

    /** The entity published on a canonical topic, if the topic is one. */
    public Optional<CanonicalEntity> entityForTopic(String topic) {
        return CanonicalEntity.forTopic(topic);
    }

    /** Every published version, grouped by entity, oldest first. */
    public List<PublishedSchema> all() {
        List<PublishedSchema> all = new ArrayList<>();
        versionsByEntity.values().forEach(all::addAll);
        return all;
    }

    private static final class CanonicalHolder {
        static final SchemaCatalog INSTANCE = fromClasspath(SchemaCatalog.class.getClassLoader(), PUBLISHED_ROOT);
    }
}
