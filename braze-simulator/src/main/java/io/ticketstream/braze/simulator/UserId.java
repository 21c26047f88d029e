package io.ticketstream.braze.simulator;

import java.util.Objects;

/**
 * The identifier an object used to name its user, as the Braze simulator (a stand-in, not Braze)
 * resolved it. The simulator has no user profiles: the same person named once by external_id and
 * once by email are two different {@code UserId}s here.
 *
 * @param kind       which identifier field named the user
 * @param value      its value; for {@link Kind#USER_ALIAS} the {@code alias_name}
 * @param aliasLabel the {@code alias_label} for {@link Kind#USER_ALIAS}, otherwise {@code null}
 */
public record UserId(Kind kind, String value, String aliasLabel) {

    /** The identifier fields Braze accepts, with their JSON names. */
    public enum Kind {
        EXTERNAL_ID("external_id"),
        USER_ALIAS("user_alias"),
        BRAZE_ID("braze_id"),
        EMAIL("email"),
        PHONE("phone");

        private final String field;

        Kind(String field) {
            this.field = field;
        }

        /** The JSON field name, e.g. {@code external_id}. */
        public String field() {
            return field;
        }
    }

    public UserId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if ((kind == Kind.USER_ALIAS) != (aliasLabel != null)) {
            throw new IllegalArgumentException("aliasLabel is required for USER_ALIAS and only for it");
        }
    }

    public static UserId externalId(String externalId) {
        return new UserId(Kind.EXTERNAL_ID, externalId, null);
    }

    public static UserId alias(String aliasName, String aliasLabel) {
        return new UserId(Kind.USER_ALIAS, aliasName, aliasLabel);
    }

    public static UserId brazeId(String brazeId) {
        return new UserId(Kind.BRAZE_ID, brazeId, null);
    }

    public static UserId email(String email) {
        return new UserId(Kind.EMAIL, email, null);
    }

    public static UserId phone(String phone) {
        return new UserId(Kind.PHONE, phone, null);
    }

    /** Never prints the value: identifiers are personal data and must not reach logs. */
    @Override
    public String toString() {
        return "UserId[" + kind.field() + "=<redacted>]";
    }
}
