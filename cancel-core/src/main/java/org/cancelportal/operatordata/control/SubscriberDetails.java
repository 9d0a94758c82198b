package org.cancelportal.operatordata.control;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A subscriber as the operator's billing system sends it. Field names in messages are those of the JSON body. */
public record SubscriberDetails(
        @NotBlank(message = "Give the subscriber's email address.")
        @Email(message = "This is not an email address.")
        @Size(max = 320, message = "An email address has at most 320 characters.")
        String email,
        @NotBlank(message = "Give the subscriber's name.")
        @Size(max = 200, message = "A name has at most 200 characters.")
        String name,
        @Pattern(regexp = "en|de", message = "The portal speaks 'en' and 'de'.")
        String locale,
        @NotBlank(message = "Give a time zone such as 'Europe/Berlin'.")
        String timeZone,
        @Pattern(regexp = "[A-Z]{2}", message = "A country is two capital letters (ISO 3166-1 alpha-2), such as 'DE',"
                + " 'GB' or 'US'.")
        String country) {

    /** Without a country: the strictest reminder rules apply to the subscriber. */
    public SubscriberDetails(String email, String name, String locale, String timeZone) {
        this(email, name, locale, timeZone, null);
    }
}
