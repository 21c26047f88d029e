package io.ticketstream.braze.contract;

import java.util.List;
import java.util.Set;

/**
 * Field names and values of a Braze object as a Kafka record carries it: what the Braze transforms (connect-smt)
 * write and the Braze sink reads (connect-braze-sink/README.md, "Input contract"). One place, so the two plugins
 * cannot disagree; both bundle this module.
 */
public final class BrazeContract {

    /** Which Braze object the record is: a {@link BrazeType#wireName()}. */
    public static final String TYPE = "braze_type";

    public static final String EXTERNAL_ID = "external_id";
    public static final String USER_ALIAS = "user_alias";
    public static final String BRAZE_ID = "braze_id";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String ALIAS_NAME = "alias_name";
    public static final String ALIAS_LABEL = "alias_label";
    /** Every identifier, in precedence order: the first present names the user. */
    public static final List<String> IDENTIFIERS = List.of(EXTERNAL_ID, USER_ALIAS, BRAZE_ID, EMAIL, PHONE);
    /** The identifiers /v2/subscription/status/set takes. */
    public static final List<String> SUBSCRIPTION_IDENTIFIERS = List.of(EXTERNAL_ID, EMAIL, PHONE);
    /** Every identifier key Braze knows: none of them may be written as a custom attribute. */
    public static final Set<String> IDENTIFIER_KEYS = Set.copyOf(IDENTIFIERS);

    public static final String NAME = "name";
    public static final String TIME = "time";
    public static final String PROPERTIES = "properties";
    public static final String APP_ID = "app_id";

    public static final String PRODUCT_ID = "product_id";
    public static final String CURRENCY = "currency";
    public static final String PRICE = "price";
    public static final String QUANTITY = "quantity";
    /** Braze's documented range of a purchase's quantity. */
    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 100;

    public static final String SUBSCRIPTION_GROUPS = "subscription_groups";
    /** Attributes in a Struct: names of attributes to remove (a Struct field cannot say "send null"). */
    public static final String UNSET = "braze_unset";
    /** Attributes: update users that exist, never create one. */
    public static final String UPDATE_EXISTING_ONLY = "_update_existing_only";
    public static final String SUBSCRIPTION_GROUP_ID = "subscription_group_id";
    public static final String SUBSCRIPTION_STATE = "subscription_state";
    public static final String SUBSCRIBED = "subscribed";
    public static final String UNSUBSCRIBED = "unsubscribed";

    /** The fields an event may have besides its identifier. */
    public static final Set<String> EVENT_FIELDS = Set.of(NAME, TIME, PROPERTIES, APP_ID);
    /** The fields a purchase may have besides its identifier. */
    public static final Set<String> PURCHASE_FIELDS = Set.of(PRODUCT_ID, CURRENCY, PRICE, QUANTITY, TIME, PROPERTIES,
            APP_ID);
    /** The fields a subscription change has besides its identifier. */
    public static final Set<String> SUBSCRIPTION_FIELDS = Set.of(SUBSCRIPTION_GROUP_ID, SUBSCRIPTION_STATE);

    private BrazeContract() {
    }

    public static String state(boolean subscribed) {
        return subscribed ? SUBSCRIBED : UNSUBSCRIBED;
    }
}
