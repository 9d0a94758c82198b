package org.cancelportal.cancellation.control;

/** Stops the start: a wrong policy would make promises to subscribers the operator did not mean. */
public class InvalidPolicyConfigurationException extends RuntimeException {

    public InvalidPolicyConfigurationException(String message) {
        super(message);
    }
}
