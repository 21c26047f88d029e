package io.ticketstream.connect.smt;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.ticketstream.connect.smt.braze.BrazeAttributes;
import io.ticketstream.connect.smt.braze.BrazeEvent;
import io.ticketstream.connect.smt.braze.BrazePurchase;
import io.ticketstream.connect.smt.braze.BrazeSubscriptionState;
import io.ticketstream.connect.smt.hash.HashField;
import io.ticketstream.connect.smt.predicates.FieldEquals;
import io.ticketstream.testsupport.ConfigDocs;

/**
 * docs/transforms.md is generated from the ConfigDefs; this test fails when it is stale. Regenerate with
 * {@code ./mvnw -o -q -pl connect-smt test -Dtest=TransformsDocTest -Dticketstream.docs.write=true}.
 */
class TransformsDocTest {

    static String render() {
        StringBuilder doc = new StringBuilder();
        doc.append("# connect-smt: transform and predicate reference\n\n")
                .append("Generated from the ConfigDefs by TransformsDocTest; do not edit by hand. ")
                .append("See ../README.md for what each transform is for, with examples.\n\n");
        section(doc, "BrazeAttributes", BrazeAttributes.Value.class, BrazeAttributes.OVERVIEW_DOC, BrazeAttributes.CONFIG_DEF);
        section(doc, "BrazeEvent", BrazeEvent.Value.class, BrazeEvent.OVERVIEW_DOC, BrazeEvent.CONFIG_DEF);
        section(doc, "BrazePurchase", BrazePurchase.Value.class, BrazePurchase.OVERVIEW_DOC, BrazePurchase.CONFIG_DEF);
        section(doc, "BrazeSubscriptionState", BrazeSubscriptionState.Value.class, BrazeSubscriptionState.OVERVIEW_DOC,
                BrazeSubscriptionState.CONFIG_DEF);
        section(doc, "HashField", HashField.Value.class, HashField.OVERVIEW_DOC, HashField.CONFIG_DEF);
        section(doc, "LandingRow", io.ticketstream.connect.smt.landing.LandingRow.Value.class,
                io.ticketstream.connect.smt.landing.LandingRow.OVERVIEW_DOC, io.ticketstream.connect.smt.landing.LandingRow.CONFIG_DEF);
        section(doc, "FieldEquals (predicate)", FieldEquals.Value.class, FieldEquals.OVERVIEW_DOC, FieldEquals.CONFIG_DEF);
        return doc.toString();
    }

    private static void section(StringBuilder doc, String title, Class<?> type, String overview,
                                org.apache.kafka.common.config.ConfigDef def) {
        String overviewText = overview.replace("<p/>", " ").replaceAll("</?code>", "`");
        doc.append(ConfigDocs.section("## " + title + "\n\n`" + type.getName() + "`\n\n" + overviewText, def));
    }

    @Test
    void theCommittedReferenceMatchesTheConfigDefs() {
        ConfigDocs.assertUpToDate(Path.of("docs/transforms.md"), render());
    }
}
