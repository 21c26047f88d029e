package io.ticketstream.braze.contract;

/**
 * A value Braze would reject or misread. The SMTs turn it into a Connect DataException, the sink into a bad record;
 * either way the record goes to the dead-letter queue with this message (field and reason).
 */
public class ContractViolation extends IllegalArgumentException {

    private final String field;

    public ContractViolation(String field, String reason) {
        super("Field '" + field + "': " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
