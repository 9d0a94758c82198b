package org.cancelportal.mail.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of an email as a few blocks, rendered once as plain text and once as simple HTML, so both parts always
 * say the same thing.
 */
public final class EmailBody {

    private interface Block {
        void text(StringBuilder out);

        void html(StringBuilder out);
    }

    private record Paragraph(String content) implements Block {
        public void text(StringBuilder out) {
            out.append(content).append("\n\n");
        }

        public void html(StringBuilder out) {
            out.append("<p>").append(escape(content)).append("</p>");
        }
    }

    private record Heading(String content) implements Block {
        public void text(StringBuilder out) {
            out.append(content).append('\n').append("-".repeat(content.length())).append('\n');
        }

        public void html(StringBuilder out) {
            out.append("<h2 style=\"font-size:1.1em\">").append(escape(content)).append("</h2>");
        }
    }

    private record Facts(Map<String, String> rows) implements Block {
        public void text(StringBuilder out) {
            rows.forEach((label, value) -> out.append(label).append(": ").append(value).append('\n'));
            out.append('\n');
        }

        public void html(StringBuilder out) {
            out.append("<table role=\"presentation\" cellpadding=\"4\">");
            rows.forEach((label, value) -> out.append("<tr><td style=\"color:#4a5365\">").append(escape(label))
                    .append("</td><td><strong>").append(escape(value)).append("</strong></td></tr>"));
            out.append("</table>");
        }
    }

    private record Bullets(List<String> items) implements Block {
        public void text(StringBuilder out) {
            items.forEach(item -> out.append("- ").append(item).append('\n'));
            out.append('\n');
        }

        public void html(StringBuilder out) {
            out.append("<ul>");
            items.forEach(item -> out.append("<li>").append(escape(item)).append("</li>"));
            out.append("</ul>");
        }
    }

    private record Link(String label, String url) implements Block {
        public void text(StringBuilder out) {
            out.append(label).append('\n').append(url).append("\n\n");
        }

        public void html(StringBuilder out) {
            out.append("<p><a href=\"").append(escape(url)).append("\">").append(escape(label)).append("</a></p>");
        }
    }

    private final List<Block> blocks = new ArrayList<>();

    public EmailBody paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    public EmailBody heading(String text) {
        blocks.add(new Heading(text));
        return this;
    }

    public EmailBody facts(Map<String, String> rows) {
        blocks.add(new Facts(new LinkedHashMap<>(rows)));
        return this;
    }

    public EmailBody bullets(List<String> items) {
        blocks.add(new Bullets(List.copyOf(items)));
        return this;
    }

    public EmailBody link(String label, String url) {
        blocks.add(new Link(label, url));
        return this;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        blocks.forEach(block -> block.text(out));
        return out.toString().stripTrailing() + "\n";
    }

    public String html(String language, String title) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html lang=\"").append(escape(language))
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title></head><body style=\"font-family:Arial,sans-serif;line-height:1.5;color:#1d2330;"
                        + "max-width:40em\">");
        blocks.forEach(block -> block.html(out));
        return out.append("</body></html>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
