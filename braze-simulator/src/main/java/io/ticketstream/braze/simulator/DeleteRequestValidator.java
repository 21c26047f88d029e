package io.ticketstream.braze.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Validates a {@code POST /users/delete} body as Braze documents it: exactly one of external_ids, braze_ids,
 * email_addresses, phone_numbers (user_aliases are not simulated), 1 to 50 of them. Each id becomes one
 * {@link ObjectType#USER_DELETE} object. Every rule is fatal (400): the docs list no per-object errors.
 */
final class DeleteRequestValidator {

    static final int MAX_IDS = 50;

    private static final String[] ID_LISTS = {"external_ids", "braze_ids", "email_addresses", "phone_numbers"};
    private static final UserId.Kind[] ID_KINDS = {UserId.Kind.EXTERNAL_ID, UserId.Kind.BRAZE_ID, UserId.Kind.EMAIL,
            UserId.Kind.PHONE};

    private final ObjectMapper mapper;

    DeleteRequestValidator(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ParsedRequest validate(JsonNode root) throws RequestRejected {
        if (root == null || !root.isObject()) {
            throw new RequestRejected(400, "request body must be a JSON object naming the users to delete");
        }
        int found = -1;
        for (int i = 0; i < ID_LISTS.length; i++) {
            JsonNode node = root.get(ID_LISTS[i]);
            if (node == null || node.isNull()) {
                continue;
            }
            if (found >= 0) {
                throw new RequestRejected(400, "'" + ID_LISTS[found] + "' and '" + ID_LISTS[i]
                        + "' in one request: only one kind of identifier per request");
            }
            found = i;
        }
        if (found < 0) {
            throw new RequestRejected(400, "no users named: one of external_ids, braze_ids, email_addresses, "
                    + "phone_numbers is required");
        }
        JsonNode ids = root.get(ID_LISTS[found]);
        if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_IDS) {
            throw new RequestRejected(400, "'" + ID_LISTS[found] + "' must be an array of 1 to " + MAX_IDS
                    + " identifiers, had " + (ids.isArray() ? ids.size() : "no array"));
        }
        ParsedRequest parsed = new ParsedRequest();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            if (!id.isTextual() || id.asText().isEmpty()) {
                throw new RequestRejected(400, ID_LISTS[found] + "[" + i + "] must be a non-empty string");
            }
            UserId user = new UserId(ID_KINDS[found], id.asText(), null);
            ObjectNode object = mapper.createObjectNode().put(ID_KINDS[found].field(), id.asText());
            parsed.users.add(user);
            parsed.items.add(new ParsedRequest.Item(ObjectType.USER_DELETE, i, user, object));
        }
        parsed.successBody = mapper.createObjectNode().put("message", "success").put("deleted", ids.size());
        return parsed;
    }
}
