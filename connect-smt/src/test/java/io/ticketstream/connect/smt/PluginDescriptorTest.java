package io.ticketstream.connect.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.junit.jupiter.api.Test;

import io.ticketstream.connect.smt.braze.BrazeAttributes;
import io.ticketstream.connect.smt.braze.BrazeEvent;
import io.ticketstream.connect.smt.braze.BrazePurchase;
import io.ticketstream.connect.smt.braze.BrazeSubscriptionState;
import io.ticketstream.connect.smt.hash.HashField;
import io.ticketstream.connect.smt.predicates.FieldEquals;

/** The worker finds plugins through META-INF/services: every transform and predicate must be listed. */
class PluginDescriptorTest {

    @Test
    @SuppressWarnings("rawtypes")
    void everyTransformIsAServiceWithOurVersion() {
        Set<Class<?>> found = ServiceLoader.load(Transformation.class).stream().map(ServiceLoader.Provider::type)
                .filter(type -> type.getName().startsWith("io.ticketstream.")).collect(Collectors.toSet());
        assertEquals(Set.of(BrazeAttributes.Value.class, BrazeEvent.Value.class, BrazePurchase.Value.class,
                BrazeSubscriptionState.Value.class, HashField.Key.class, HashField.Value.class,
                io.ticketstream.connect.smt.landing.LandingRow.Value.class), found);
        for (Transformation transformation : ServiceLoader.load(Transformation.class)) {
            if (transformation.getClass().getName().startsWith("io.ticketstream.")) {
                assertEquals(Version.get(), ((Versioned) transformation).version());
            }
        }
    }

    @Test
    void everyPredicateIsAService() {
        Set<Class<?>> found = ServiceLoader.load(Predicate.class).stream().map(ServiceLoader.Provider::type)
                .filter(type -> type.getName().startsWith("io.ticketstream.")).collect(Collectors.toSet());
        assertEquals(Set.of(FieldEquals.Key.class, FieldEquals.Value.class), found);
    }

    @Test
    void theVersionComesFromTheBuild() {
        assertTrue(Version.get().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), Version.get());
        assertTrue(List.of(Version.get()).stream().noneMatch(v -> v.contains("${")));
    }
}
