package io.ticketstream.braze.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Resolves which user a /users/track object names.
 *
 * <p>Events and purchases must carry exactly one of external_id, user_alias, braze_id, email,
 * phone. Attribute objects differ because {@code email} and {@code phone} are also standard
 * attributes: with exactly one of external_id, user_alias, braze_id present, email and phone are
 * attribute values being written; only without those do they name the user (email first, the
 * phone then being an attribute). JSON {@code null} counts as absent (on an attribute it removes
 * the attribute).
 */
final class Identifiers {

    private static final String MISSING =
            "missing user identifier: one of external_id, user_alias, braze_id, email, phone is required";

    private Identifiers() {
    }

    static UserId resolve(JsonNode object, boolean attributeObject) throws ObjectRejected {
        JsonNode externalId = present(object, "external_id");
        JsonNode alias = present(object, "user_alias");
        JsonNode brazeId = present(object, "braze_id");
        JsonNode email = present(object, "email");
        JsonNode phone = present(object, "phone");

        int primaries = (externalId != null ? 1 : 0) + (alias != null ? 1 : 0) + (brazeId != null ? 1 : 0);
        if (attributeObject) {
            if (primaries > 1) {
                throw new ObjectRejected("more than one user identifier: use exactly one of external_id, user_alias, braze_id");
            }
            if (primaries == 0) {
                if (email != null) {
                    return UserId.email(text(email, "email"));
                }
                if (phone != null) {
                    return UserId.phone(text(phone, "phone"));
                }
                throw new ObjectRejected(MISSING);
            }
        } else {
            int all = primaries + (email != null ? 1 : 0) + (phone != null ? 1 : 0);
            if (all == 0) {
                throw new ObjectRejected(MISSING);
            }
            if (all > 1) {
                throw new ObjectRejected(
                        "more than one user identifier: use exactly one of external_id, user_alias, braze_id, email, phone");
            }
            if (email != null) {
                return UserId.email(text(email, "email"));
            }
            if (phone != null) {
                return UserId.phone(text(phone, "phone"));
            }
        }
        if (externalId != null) {
            return UserId.externalId(text(externalId, "external_id"));
        }
        if (brazeId != null) {
            return UserId.brazeId(text(brazeId, "braze_id"));
        }
        return alias(alias);
    }

    private static UserId alias(JsonNode alias) throws ObjectRejected {
        JsonNode name = alias.get("alias_name");
        JsonNode label = alias.get("alias_label");
        if (!alias.isObject() || name == null || !name.isTextual() || name.asText().isEmpty()
                || label == null || !label.isTextual() || label.asText().isEmpty()) {
            throw new ObjectRejected("'user_alias' must be an object with non-empty string 'alias_name' and 'alias_label'");
        }
        return UserId.alias(name.asText(), label.asText());
    }

    private static JsonNode present(JsonNode object, String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() ? null : node;
    }

    /** The value is personal data, so the error names the field and the JSON type only. */
    private static String text(JsonNode node, String field) throws ObjectRejected {
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw new ObjectRejected("'" + field + "' must be a non-empty string, was " + node.getNodeType().name().toLowerCase());
        }
        return node.asText();
    }
}
