package io.ticketstream.connect.smt.braze;

import java.util.Locale;
import java.util.Set;

import org.apache.kafka.connect.errors.DataException;

/**
 * Braze's standard user attributes that have a format of their own. Any other attribute name is a custom
 * attribute, written as it comes (dates and times as ISO-8601). Source: Braze's /users/track docs
 * (user attribute object: https://www.braze.com/docs/api/objects_filters/user_attributes_object/).
 */
enum StandardAttribute {
    DOB(Rendering.DATE, null),
    GENDER(Rendering.DEFAULT, Set.of("M", "F", "O", "N", "P")),
    EMAIL_SUBSCRIBE(Rendering.DEFAULT, Set.of("opted_in", "unsubscribed", "subscribed")),
    PUSH_SUBSCRIBE(Rendering.DEFAULT, Set.of("opted_in", "unsubscribed", "subscribed"));

    private final Rendering rendering;
    private final Set<String> allowed;

    StandardAttribute(Rendering rendering, Set<String> allowed) {
        this.rendering = rendering;
        this.allowed = allowed;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static StandardAttribute of(String target) {
        for (StandardAttribute attribute : values()) {
            if (attribute.key().equals(target)) {
                return attribute;
            }
        }
        return null;
    }

    static Rendering renderingOf(String target) {
        StandardAttribute attribute = of(target);
        return attribute == null ? Rendering.DEFAULT : attribute.rendering;
    }

    /** Rejects a value Braze would refuse for this attribute; null (removal) is always allowed. */
    void check(String sourceField, Object value) {
        if (allowed != null && value != null && !allowed.contains(value.toString())) {
            throw new DataException("Field '" + sourceField + "': '" + value + "' is not a valid value of Braze's standard "
                    + "attribute " + key() + " (allowed: " + allowed + ")");
        }
    }
}
