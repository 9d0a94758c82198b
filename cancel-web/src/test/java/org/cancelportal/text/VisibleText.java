package org.cancelportal.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * What a reader sees of a piece of rendered HTML, as lines, the way a browser lays it out by default: every heading,
 * paragraph, list item, term, definition, table row and button on a line of its own, the cells of a row side by
 * side. That is where the readability formulas take a sentence to end even without a full stop.
 *
 * <p>Left out: what is not shown (scripts, styles, hidden fields and elements), where links point (only their text
 * is seen), what people typed into fields, the options of a choice list other than the chosen one, and words written
 * by people rather than by us (a reply, a quoted answer, a name someone typed): an element whose whole text is such
 * words is dropped. Spaces of every kind, non-breaking ones too, read as one plain space.
 */
public final class VisibleText {

    private static final Set<String> LINES = Set.of("address", "article", "aside", "blockquote", "br", "button",
            "caption", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
            "h2", "h3", "h4", "h5", "h6", "header", "hr", "legend", "li", "main", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tbody", "tfoot", "thead", "tr", "ul");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Set<String> BUTTON_TYPES = Set.of("submit", "button", "reset");
    private static final String NOT_SHOWN = "script, style, template, noscript, head, title, textarea,"
            + " input[type=hidden], [hidden], [style~=(?i)display\\s*:\\s*none]";

    private VisibleText() {
    }

    /** The visible text, one line per block; see the class comment for what is left out. */
    public static String of(Element root, Collection<String> writtenByPeople) {
        return String.join("\n", lines(root, writtenByPeople));
    }

    public static List<String> lines(Element root, Collection<String> writtenByPeople) {
        Element shown = root.clone();
        shown.select(NOT_SHOWN).remove();
        Set<String> people = writtenByPeople.stream().map(VisibleText::normalised).filter(words -> !words.isEmpty())
                .collect(Collectors.toSet());
        for (Element element : shown.getAllElements()) {
            if (element != shown && people.contains(normalised(element.text()))) {
                element.remove();
            }
        }
        Lines lines = new Lines();
        NodeTraversor.filter(lines, shown);
        return lines.done();
    }

    private static String normalised(String text) {
        return text.replaceAll("[\\s\\p{Z}]+", " ").strip();
    }

    private static final class Lines implements NodeFilter {

        private final List<String> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                line.append(text.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String name = element.normalName();
            if (LINES.contains(name)) {
                endLine();
            } else if (CELLS.contains(name)) {
                line.append(' ');
            }
            if (name.equals("input")) {
                if (BUTTON_TYPES.contains(element.attr("type").toLowerCase())) {
                    endLine();
                    line.append(element.attr("value"));
                    endLine();
                }
                return FilterResult.SKIP_CHILDREN;
            }
            if (name.equals("select")) {
                Element chosen = element.selectFirst("option[selected]");
                chosen = chosen != null ? chosen : element.selectFirst("option");
                line.append(' ').append(chosen == null ? "" : chosen.text()).append(' ');
                return FilterResult.SKIP_CHILDREN;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && LINES.contains(element.normalName())) {
                endLine();
            } else if (node instanceof Element element && CELLS.contains(element.normalName())) {
                line.append(' ');
            }
            return FilterResult.CONTINUE;
        }

        private void endLine() {
            String finished = normalised(line.toString());
            if (!finished.isEmpty()) {
                lines.add(finished);
            }
            line.setLength(0);
        }

        List<String> done() {
            endLine();
            return List.copyOf(lines);
        }
    }
}
