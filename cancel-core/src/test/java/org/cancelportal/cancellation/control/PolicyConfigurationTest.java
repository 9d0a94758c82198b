package org.cancelportal.cancellation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import java.util.Optional;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PolicyConfigurationTest {

    /** The policy's keys as the server has them before anyone sets one: their defaults in portal.xml. */
    private static final Map<String, String> PORTAL_XML = portalXmlDefaults();

    private static CancellationPolicy configured(Map<String, String> values) {
        Map<String, String> configured = new HashMap<>(PORTAL_XML);
        configured.putAll(values);
        return PolicyConfiguration.fromConfig(key -> Optional.ofNullable(configured.get(key)));
    }

    private static Map<String, String> portalXmlDefaults() {
        Path portalXml = Path.of("../cancel-web/src/main/liberty/config/portal.xml");
        try {
            NodeList variables = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(portalXml.toFile()).getElementsByTagName("variable");
            Map<String, String> defaults = new HashMap<>();
            for (int i = 0; i < variables.getLength(); i++) {
                Element variable = (Element) variables.item(i);
                if (variable.getAttribute("name").startsWith(PolicyConfiguration.PREFIX)) {
                    defaults.put(variable.getAttribute("name"), variable.getAttribute("defaultValue"));
                }
            }
            return defaults;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + portalXml.toAbsolutePath(), e);
        }
    }

    private static CancellationPolicy configured(String key, String value) {
        return configured(Map.of(key, value));
    }

    private static String rejection(String key, String value) {
        return assertThrows(InvalidPolicyConfigurationException.class, () -> configured(key, value)).getMessage();
    }

    @Test
    void withNothingConfiguredSubscribersGetTheDefaultsOfPortalXml() {
        CancellationPolicy policy = configured(Map.of());

        assertEquals(new CancellationPolicy(CancellationMode.END_OF_PERIOD, true, RefundRule.PRORATED, 14, true,
                DataHandling.DELETED_AFTER_30_DAYS), policy);
        assertEquals("data.deleted-after-30-days", policy.dataHandling().textKey());
        assertEquals(List.of(CancellationMode.END_OF_PERIOD, CancellationMode.IMMEDIATE), policy.offeredModes());
    }

    @ParameterizedTest(name = "{0} blank")
    @ValueSource(strings = {"cancel.policy.default-mode", "cancel.policy.immediate-offered",
            "cancel.policy.refund-rule", "cancel.policy.full-refund-days", "cancel.policy.undo-allowed",
            "cancel.policy.data-text-key"})
    void aBlankValueStopsTheStartNamingItsKey(String key) {
        assertTrue(rejection(key, " ").startsWith("Invalid configuration: " + key + " is '';"), rejection(key, " "));
    }

    @Test
    void aKeyNobodyDefinedStopsTheStartToo() {
        Map<String, String> withoutRule = new HashMap<>(PORTAL_XML);
        withoutRule.remove("cancel.policy.refund-rule");
        assertThrows(InvalidPolicyConfigurationException.class,
                () -> PolicyConfiguration.fromConfig(key -> Optional.ofNullable(withoutRule.get(key))));
    }

    @Test
    void everyKeyIsRead() {
        CancellationPolicy policy = configured(Map.of(
                "cancel.policy.default-mode", "IMMEDIATE",
                "cancel.policy.immediate-offered", "true",
                "cancel.policy.refund-rule", "FULL_WITHIN_DAYS",
                "cancel.policy.full-refund-days", "7",
                "cancel.policy.undo-allowed", "false",
                "cancel.policy.data-text-key", "data.deleted-except-invoices"));

        assertEquals(new CancellationPolicy(CancellationMode.IMMEDIATE, true, RefundRule.FULL_WITHIN_DAYS, 7, false,
                DataHandling.DELETED_EXCEPT_INVOICES), policy);
    }

    @Test
    void immediateCancellationCanBeWithdrawn() {
        CancellationPolicy policy = configured("cancel.policy.immediate-offered", "false");

        assertFalse(policy.immediateOffered());
        assertEquals(List.of(CancellationMode.END_OF_PERIOD), policy.offeredModes());
    }

    @ParameterizedTest(name = "default-mode \"{0}\" is {1}")
    @CsvSource({
            "immediate,     IMMEDIATE",
            "Immediate,     IMMEDIATE",
            "end-of-period, END_OF_PERIOD",
            "End_Of_Period, END_OF_PERIOD",
            "' IMMEDIATE ', IMMEDIATE"
    })
    void defaultModeIsReadInAnyCaseWithDashesOrUnderscores(String value, CancellationMode expected) {
        assertEquals(expected, configured("cancel.policy.default-mode", value).defaultMode());
    }

    @ParameterizedTest(name = "refund-rule \"{0}\" is {1}")
    @CsvSource({
            "none,             NONE",
            "Prorated,         PRORATED",
            "full-within-days, FULL_WITHIN_DAYS",
            "FULL-WITHIN-DAYS, FULL_WITHIN_DAYS",
            "full_within_days, FULL_WITHIN_DAYS"
    })
    void refundRuleIsReadInAnyCaseWithDashesOrUnderscores(String value, RefundRule expected) {
        assertEquals(expected, configured("cancel.policy.refund-rule", value).refundRule());
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"true, true", "TRUE, true", "False, false", "' false ', false"})
    void booleansAreReadInAnyCase(String value, boolean expected) {
        assertEquals(expected, configured("cancel.policy.undo-allowed", value).undoAllowed());
        assertEquals(expected, configured("cancel.policy.immediate-offered", value).immediateOffered());
    }

    @ParameterizedTest(name = "full-refund-days \"{0}\" is {1}")
    @CsvSource({"0, 0", "30, 30", "' 14 ', 14"})
    void fullRefundDaysIsAWholeNumberOfZeroOrMore(String value, int expected) {
        assertEquals(expected, configured("cancel.policy.full-refund-days", value).fullRefundDays());
    }

    @ParameterizedTest(name = "data-text-key \"{0}\"")
    @ValueSource(strings = {"data.deleted-after-30-days", "data.deleted-when-access-ends",
            "data.deleted-except-invoices"})
    void everyDataHandlingTextKeyIsAccepted(String value) {
        assertEquals(value, configured("cancel.policy.data-text-key", value).dataHandling().textKey());
    }

    @ParameterizedTest(name = "default-mode \"{0}\" is rejected")
    @ValueSource(strings = {"later", "end of period", "END-OF-PERIOD-NOW", "1"})
    void anUnknownDefaultModeIsRejectedNamingTheKeyAndTheAllowedValues(String value) {
        String message = rejection("cancel.policy.default-mode", value);

        assertTrue(message.contains("cancel.policy.default-mode"), message);
        assertTrue(message.contains("'" + value + "'"), message);
        assertTrue(message.contains("END_OF_PERIOD, IMMEDIATE"), message);
    }

    @ParameterizedTest(name = "refund-rule \"{0}\" is rejected")
    @ValueSource(strings = {"pro-rata", "full", "partial"})
    void anUnknownRefundRuleIsRejectedNamingTheKeyAndTheAllowedValues(String value) {
        String message = rejection("cancel.policy.refund-rule", value);

        assertTrue(message.contains("cancel.policy.refund-rule"), message);
        assertTrue(message.contains("'" + value + "'"), message);
        assertTrue(message.contains("NONE, PRORATED, FULL_WITHIN_DAYS"), message);
    }

    @ParameterizedTest(name = "{0}=\"{1}\" is rejected")
    @CsvSource({
            "cancel.policy.undo-allowed,      yes",
            "cancel.policy.undo-allowed,      no",
            "cancel.policy.undo-allowed,      1",
            "cancel.policy.immediate-offered, yes",
            "cancel.policy.immediate-offered, on"
    })
    void booleansOtherThanTrueOrFalseAreRejected(String key, String value) {
        String message = rejection(key, value);

        assertTrue(message.contains(key), message);
        assertTrue(message.contains("'" + value + "'"), message);
        assertTrue(message.contains("true, false"), message);
    }

    @ParameterizedTest(name = "full-refund-days \"{0}\" is rejected")
    @ValueSource(strings = {"-1", "two weeks", "14.5", "14d", "99999999999"})
    void fullRefundDaysThatAreNotAWholeNumberOfZeroOrMoreAreRejected(String value) {
        String message = rejection("cancel.policy.full-refund-days", value);

        assertTrue(message.contains("cancel.policy.full-refund-days"), message);
        assertTrue(message.contains("'" + value + "'"), message);
        assertTrue(message.contains("a whole number of days, 0 or more"), message);
    }

    @ParameterizedTest(name = "data-text-key \"{0}\" is rejected")
    @ValueSource(strings = {"data.deleted-after-60-days", "DELETED_AFTER_30_DAYS", "Data.Deleted-After-30-Days"})
    void anUnknownDataTextKeyIsRejectedListingTheKnownKeys(String value) {
        String message = rejection("cancel.policy.data-text-key", value);

        assertTrue(message.contains("cancel.policy.data-text-key"), message);
        assertTrue(message.contains("data.deleted-after-30-days, data.deleted-when-access-ends,"
                + " data.deleted-except-invoices"), message);
    }

    @Test
    void immediateAsDefaultWhileImmediateIsNotOfferedIsRejected() {
        InvalidPolicyConfigurationException rejected = assertThrows(InvalidPolicyConfigurationException.class,
                () -> configured(Map.of("cancel.policy.default-mode", "immediate",
                        "cancel.policy.immediate-offered", "false")));

        assertTrue(rejected.getMessage().contains("cancel.policy.default-mode"), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("cancel.policy.immediate-offered"), rejected.getMessage());
    }
}
