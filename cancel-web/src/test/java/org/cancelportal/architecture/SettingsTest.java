package org.cancelportal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Configuration is read one way: each concern has a settings class (a name ending in Settings) with typed
 * {@code @ConfigProperty} fields, every key has its default once, in portal.xml, and the README's table says the same.
 */
class SettingsTest {

    private static final Path ROOT = Files.isDirectory(Path.of("cancel-web")) ? Path.of(".") : Path.of("..");
    private static final Pattern QUOTED = Pattern.compile("`([^`]*)`");

    /** Read with keys chosen at run time: a policy validated as a whole, contacts per language (support.hours.de). */
    private static final String[] READ_BY_KEY = {"org.cancelportal.cancellation.control.PolicyConfiguration",
            "org.cancelportal.contact.control.SupportContacts"};

    @Test
    void everySettingTheReadmeListsIsInPortalXmlWithTheDocumentedDefault() throws Exception {
        Map<String, String> documented = readmeTable();
        Map<String, String> configured = portalXml();
        assertTrue(documented.size() > 40, () -> "the README's table, as read: " + documented);
        List<String> wrong = new ArrayList<>();
        documented.forEach((key, value) -> {
            if (!configured.containsKey(key)) {
                wrong.add(key + " is not in portal.xml");
            } else if (!configured.get(key).equals(value)) {
                wrong.add(key + ": README says '" + value + "', portal.xml '" + configured.get(key) + "'");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyKeyTheCodeReadsHasItsDefaultInPortalXmlAndNowhereElse() throws Exception {
        Map<String, String> configured = portalXml();
        List<String> wrong = new ArrayList<>();
        for (JavaField field : Modules.ALL.stream().flatMap(c -> c.getFields().stream())
                .filter(f -> f.isAnnotatedWith(ConfigProperty.class)).toList()) {
            ConfigProperty property = field.getAnnotationOfType(ConfigProperty.class);
            if (!configured.containsKey(property.name())) {
                wrong.add(field.getFullName() + " reads " + property.name() + ", which portal.xml does not define");
            }
            if (!ConfigProperty.UNCONFIGURED_VALUE.equals(property.defaultValue())) {
                wrong.add(field.getFullName() + " has a default of its own; portal.xml holds the defaults");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void onlySettingsClassesReadConfiguration() {
        fields().that().areAnnotatedWith(ConfigProperty.class)
                .should().beDeclaredInClassesThat().haveSimpleNameEndingWith("Settings")
                .because("each concern reads its settings in one typed class")
                .check(Modules.ALL);
        noClasses().that().doNotHaveFullyQualifiedName(READ_BY_KEY[0])
                .and().doNotHaveFullyQualifiedName(READ_BY_KEY[1])
                .should().dependOnClassesThat().areAssignableTo(Config.class)
                .check(Modules.ALL);
    }

    /** Key → default from the table under "| Key | Default | Meaning |"; "empty" is the empty string. */
    private static Map<String, String> readmeTable() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        int header = lines.indexOf("| Key | Default | Meaning |");
        assertTrue(header >= 0, "the README has its table of settings");
        Map<String, String> table = new LinkedHashMap<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.replace("\\|", "\u0000").split(" \\| "); // a pipe in a cell is written \|
            List<String> keys = quoted(cells[0].replaceAll("\\(.*\\)", ""));
            List<String> defaults = new ArrayList<>();
            for (String part : cells[1].replaceAll("\\(.*\\)", "").split(", ")) {
                List<String> value = quoted(part);
                defaults.add(value.isEmpty() ? "" : value.get(0).replace('\u0000', '|'));
            }
            for (int i = 0; i < keys.size(); i++) {
                table.put(keys.get(i), defaults.get(defaults.size() == 1 ? 0 : i));
            }
        }
        return table;
    }

    private static Map<String, String> portalXml() throws Exception {
        Path file = ROOT.resolve("cancel-web/src/main/liberty/config/portal.xml");
        NodeList variables = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                .getElementsByTagName("variable");
        Map<String, String> defaults = new LinkedHashMap<>();
        for (int i = 0; i < variables.getLength(); i++) {
            Element variable = (Element) variables.item(i);
            defaults.put(variable.getAttribute("name"), variable.getAttribute("defaultValue"));
        }
        return defaults;
    }

    private static List<String> quoted(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = QUOTED.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
