package org.cancelportal.schema.control;

/** Fired once the schema is migrated; start-up work that reads or writes tables observes it. */
public record SchemaReady() {
}
