package io.ticketstream.braze.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Validates a {@code POST /v2/subscription/status/set} body. Every rule Braze documents for it is
 * fatal (400): an entry names its users by exactly one of external_ids, emails, phones, with at
 * most 50 ids. Each (entry, id) pair becomes one {@link ObjectType#SUBSCRIPTION} object.
 */
final class SubscriptionRequestValidator {

    /** Braze's documented maximum ids per subscription_groups entry. */
    static final int MAX_IDS_PER_ENTRY = 50;

    private static final String[] ID_LISTS = {"external_ids", "emails", "phones"};
    private static final String[] ID_FIELDS = {"external_id", "email", "phone"};
    private static final UserId.Kind[] ID_KINDS = {UserId.Kind.EXTERNAL_ID, UserId.Kind.EMAIL, UserId.Kind.PHONE};

    private final ObjectMapper mapper;

    SubscriptionRequestValidator(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ParsedRequest validate(JsonNode root) throws RequestRejected {
        if (root == null || !root.isObject()) {
            throw new RequestRejected(400, "request body must be a JSON object with 'subscription_groups'");
        }
        JsonNode groups = root.get("subscription_groups");
        if (groups == null || !groups.isArray() || groups.isEmpty()) {
            throw new RequestRejected(400, "'subscription_groups' must be a non-empty array");
        }
        ParsedRequest parsed = new ParsedRequest();
        int index = 0;
        for (int g = 0; g < groups.size(); g++) {
            JsonNode entry = groups.get(g);
            String where = "subscription_groups[" + g + "]";
            if (!entry.isObject()) {
                throw new RequestRejected(400, where + " must be an object");
            }
            String groupId = text(entry, "subscription_group_id", where);
            String state = text(entry, "subscription_state", where);
            if (!state.equals("subscribed") && !state.equals("unsubscribed")) {
                throw new RequestRejected(400, where + ".subscription_state must be 'subscribed' or 'unsubscribed', was '"
                        + TrackRequestValidator.abbreviate(state) + "'");
            }
            int list = idList(entry, where);
            JsonNode ids = entry.get(ID_LISTS[list]);
            for (int i = 0; i < ids.size(); i++) {
                JsonNode id = ids.get(i);
                if (!id.isTextual() || id.asText().isEmpty()) {
                    throw new RequestRejected(400, where + "." + ID_LISTS[list] + "[" + i + "] must be a non-empty string");
                }
                ObjectNode object = mapper.createObjectNode();
                object.put("subscription_group_id", groupId);
                object.put("subscription_state", state);
                object.put(ID_FIELDS[list], id.asText());
                UserId user = new UserId(ID_KINDS[list], id.asText(), null);
                parsed.users.add(user);
                parsed.items.add(new ParsedRequest.Item(ObjectType.SUBSCRIPTION, index++, user, object));
            }
        }
        parsed.successBody = mapper.createObjectNode().put("message", "success");
        return parsed;
    }

    /** Which of external_ids / emails / phones the entry uses; exactly one, 1 to 50 ids. */
    private static int idList(JsonNode entry, String where) throws RequestRejected {
        int found = -1;
        for (int i = 0; i < ID_LISTS.length; i++) {
            JsonNode node = entry.get(ID_LISTS[i]);
            if (node == null || node.isNull()) {
                continue;
            }
            if (found >= 0) {
                throw new RequestRejected(400, where + " mixes '" + ID_LISTS[found] + "' and '" + ID_LISTS[i]
                        + "': one entry names its users one way only");
            }
            found = i;
        }
        if (found < 0) {
            throw new RequestRejected(400, where + " names no users: one of external_ids, emails, phones is required");
        }
        JsonNode ids = entry.get(ID_LISTS[found]);
        if (!ids.isArray() || ids.isEmpty()) {
            throw new RequestRejected(400, where + "." + ID_LISTS[found] + " must be a non-empty array");
        }
        if (ids.size() > MAX_IDS_PER_ENTRY) {
            throw new RequestRejected(400, where + "." + ID_LISTS[found] + " has " + ids.size()
                    + " ids; the limit is " + MAX_IDS_PER_ENTRY + " per entry");
        }
        return found;
    }

    private static String text(JsonNode entry, String field, String where) throws RequestRejected {
        JsonNode node = entry.get(field);
        if (node == null || !node.isTextual() || node.asText().isEmpty()) {
            throw new RequestRejected(400, where + "." + field + " is required (a non-empty string)");
        }
        return node.asText();
    }
}
