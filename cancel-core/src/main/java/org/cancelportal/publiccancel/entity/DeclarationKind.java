package org.cancelportal.publiccancel.entity;

/** Ordinary: at the next possible date, no reason needed. Extraordinary: for a reason the person states. */
public enum DeclarationKind {
    ORDINARY, EXTRAORDINARY
}
