package org.cancelportal.operatordata.control;

/** What an upsert left behind, and whether it was made new (201) or already there (200). */
public record Upserted<T>(T record, boolean created) {
}
