package io.ticketstream.connect.smt.braze;

import java.util.Set;

/**
 * Field names and values of the records the Braze transforms produce: the Braze sink's input contract
 * (connect-braze-sink/README.md, "Input contract"). One place, so transforms and tests cannot disagree.
 */
public final class BrazeObject {

    /** Which Braze object the record is: one of the four values below. */
    public static final String TYPE = "braze_type";
    public static final String ATTRIBUTES = "attributes";
    public static final String EVENT = "event";
    public static final String PURCHASE = "purchase";
    public static final String SUBSCRIPTION = "subscription";

    public static final String NAME = "name";
    public static final String TIME = "time";
    public static final String PROPERTIES = "properties";

    public static final String PRODUCT_ID = "product_id";
    public static final String CURRENCY = "currency";
    public static final String PRICE = "price";
    public static final String QUANTITY = "quantity";

    public static final String SUBSCRIPTION_GROUPS = "subscription_groups";
    /** Attributes in a Struct: names of attributes to remove (a Struct field cannot say "send null"). */
    public static final String UNSET = "braze_unset";
    /** Attributes: update users that exist, never create one. */
    public static final String UPDATE_EXISTING_ONLY = "_update_existing_only";
    public static final String SUBSCRIPTION_GROUP_ID = "subscription_group_id";
    public static final String SUBSCRIPTION_STATE = "subscription_state";
    public static final String SUBSCRIBED = "subscribed";
    public static final String UNSUBSCRIBED = "unsubscribed";

    /** Every identifier key Braze knows: none of them may be written as an attribute. */
    public static final Set<String> IDENTIFIER_KEYS = Set.of("external_id", "user_alias", "email", "phone", "braze_id");

    private BrazeObject() {
    }

    public static String state(boolean subscribed) {
        return subscribed ? SUBSCRIBED : UNSUBSCRIBED;
    }
}
