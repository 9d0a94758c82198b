package org.cancelportal.insights.control;

import java.io.Serializable;
import java.util.List;

/** One page of answers; {@code next} is where the following page starts, null on the last page. */
public record ResponsePage(List<ResponseRow> items, Cursor next) implements Serializable {
}
