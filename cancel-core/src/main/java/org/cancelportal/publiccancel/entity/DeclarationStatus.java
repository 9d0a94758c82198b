package org.cancelportal.publiccancel.entity;

/** OPEN waits for a support agent; CANCELLED led to a cancellation; CLOSED was closed by an agent with a note. */
public enum DeclarationStatus {
    OPEN, CANCELLED, CLOSED
}
