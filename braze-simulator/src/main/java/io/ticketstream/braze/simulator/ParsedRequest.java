package io.ticketstream.braze.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A request that passed whole-request validation: the objects to apply and those rejected one by one. */
final class ParsedRequest {

    /** One object to apply; {@code node} is the object as it will be recorded. */
    record Item(ObjectType type, int index, UserId user, JsonNode node) {
    }

    /** One entry of Braze's {@code errors} array; {@code index} counts within {@code inputArray}. */
    record ObjectError(String type, String inputArray, int index) {
    }

    final List<Item> items = new ArrayList<>();
    final List<ObjectError> errors = new ArrayList<>();
    /** Every user named by an object of the request, valid or not: all of them are "touched". */
    final Set<UserId> users = new LinkedHashSet<>();
    /** Objects in the request, for the objects-per-request histogram; -1 when not a /users/track request. */
    int objectCount = -1;
    /** Builds the 2xx body once the items are known. */
    ObjectNode successBody;
}
