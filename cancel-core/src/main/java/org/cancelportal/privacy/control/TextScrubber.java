package org.cancelportal.privacy.control;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.cancelportal.schema.control.NativeSql;

/**
 * Takes an erased person's email address and name out of every text and JSON column of the portal's schema where
 * they were written as part of something else: delivery errors, event payloads and webhook bodies, API replies kept
 * for idempotency, audit details, return addresses, free text. The columns come from the schema itself, so a table
 * added later is covered without anyone remembering to list it. Only the words go; the rows stay.
 */
final class TextScrubber {

    static final String ERASED = "[erased]";

    private final EntityManager em;

    TextScrubber(EntityManager em) {
        this.em = em;
    }

    /**
     * Replaces the email address (in any case) wherever it occurs, and the name in every value that held the email
     * too: a name alone is no one's, and other people may share it.
     */
    void scrub(String email, String name) {
        for (Object[] column : textColumns()) {
            String table = quoted((String) column[0]);
            String name0 = quoted((String) column[1]);
            boolean json = ((String) column[2]).startsWith("json");
            String value = json ? name0 + "::text" : name0;
            String cleaned = "replace(regexp_replace(" + value + ", ?1, ?2, 'gi'), ?3, ?2)";
            NativeSql.query(em, "UPDATE " + table + " SET " + name0 + " = " + (json ? "(" + cleaned + ")::" + column[2]
                            : cleaned) + " WHERE " + value + " ILIKE ?4",
                    literal(email), ERASED, name == null || name.isBlank() ? ERASED : name,
                    "%" + likeLiteral(email) + "%").executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> textColumns() {
        return em.createNativeQuery("SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c"
                + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                + " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
                + " AND c.data_type IN ('text', 'character varying', 'json', 'jsonb') AND c.is_generated = 'NEVER'"
                + " AND c.table_name <> 'flyway_schema_history' ORDER BY c.table_name, c.column_name").getResultList();
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The text as a regular expression that matches only itself. */
    static String literal(String text) {
        return text.replaceAll("([^\\p{L}\\p{N}])", "\\\\$1");
    }

    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
