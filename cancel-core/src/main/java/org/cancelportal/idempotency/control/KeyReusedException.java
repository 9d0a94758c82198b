package org.cancelportal.idempotency.control;

/** The idempotency key was used before, within 24 hours, for a different request. Nothing was done. */
public class KeyReusedException extends RuntimeException {

    public KeyReusedException(String key) {
        super("Idempotency key '" + key + "' was used for a different request");
    }
}
