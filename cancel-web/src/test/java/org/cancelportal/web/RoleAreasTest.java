package org.cancelportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RoleAreasTest {

    @Test
    void webXmlLetsThroughWithoutASignInExactlyThePathsRoleAreasCallsPublic() throws Exception {
        assertEquals(RoleAreas.PUBLIC, unconstrainedPatterns(Path.of("src/main/webapp/WEB-INF/web.xml")));
    }

    @Test
    void publicPatternsMatchAsTheServletContainerMatchesThem() {
        assertTrue(RoleAreas.isPublic("/cancel-contract"));
        assertTrue(RoleAreas.isPublic("/cancel-contract/received"));
        assertTrue(RoleAreas.isPublic("/api/v1/subscriptions"));
        assertTrue(RoleAreas.isPublic("/portal-session"));
        assertFalse(RoleAreas.isPublic("/login-as-admin"), "an exact pattern is no prefix");
        assertFalse(RoleAreas.isPublic("/apis"));
        assertFalse(RoleAreas.isPublic("/account"));
        assertFalse(RoleAreas.isPublic("/admin/erasure"));
    }

    @Test
    void eachAreaIsForItsRoleAndEverythingElseForSubscribers() {
        assertEquals("admin", RoleAreas.roleFor("/admin/deliveries"));
        assertEquals("support", RoleAreas.roleFor("/support/search"));
        assertEquals("subscriber", RoleAreas.roleFor("/account"));
        assertEquals("subscriber", RoleAreas.roleFor("/administration"), "an area is a folder, not a prefix");
    }

    /** The URL patterns of the security constraints that have no auth-constraint, in document order. */
    static List<String> unconstrainedPatterns(Path webXml) throws Exception {
        NodeList constraints = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(webXml.toFile())
                .getElementsByTagName("security-constraint");
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < constraints.getLength(); i++) {
            Element constraint = (Element) constraints.item(i);
            if (constraint.getElementsByTagName("auth-constraint").getLength() == 0) {
                NodeList urls = constraint.getElementsByTagName("url-pattern");
                for (int j = 0; j < urls.getLength(); j++) {
                    patterns.add(urls.item(j).getTextContent().trim());
                }
            }
        }
        return patterns;
    }
}
