package org.cancelportal.cancellation.control;

/**
 * The subscription or cancellation does not exist, or is not the requester's: the two look the same from outside,
 * so nobody learns what exists by guessing.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
