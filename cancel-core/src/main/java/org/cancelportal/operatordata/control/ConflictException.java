package org.cancelportal.operatordata.control;

/** The request contradicts what is stored (another record has this email, the subscription is someone else's). */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
