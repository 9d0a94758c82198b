package org.cancelportal.bench;

/** One timed statement of the data generator. */
record GenerationStep(String name, String sql) {
}
