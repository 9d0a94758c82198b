package org.cancelportal.cancellation.entity;

/** Where a request came from; recorded with every cancellation and audit entry. */
public enum Channel {
    WEB, SUPPORT, PUBLIC_FORM, API, SYSTEM
}
