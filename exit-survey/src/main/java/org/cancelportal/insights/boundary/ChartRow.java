package org.cancelportal.insights.boundary;

/**
 * One bar: its label, count and share as text, and its length relative to the longest bar (0–100), so the longest
 * bar fills the chart whatever the numbers.
 */
public record ChartRow(String key, String label, long count, String share, double length) {
}
