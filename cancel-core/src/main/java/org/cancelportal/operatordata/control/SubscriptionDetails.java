package org.cancelportal.operatordata.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A subscription as the operator's billing system sends it; the subscriber is named by the operator's own id. */
public record SubscriptionDetails(
        @NotBlank(message = "Name the subscriber by your id for them.")
        @Size(max = 100, message = "An id has at most 100 characters.")
        String subscriber,
        @NotBlank(message = "Name the plan by its code.")
        @Size(max = 64, message = "A plan code has at most 64 characters.")
        String plan,
        @NotNull(message = "Give the time the subscription started, such as 2026-01-31T09:00:00Z.")
        Instant startedAt,
        @NotNull(message = "Give the start of the period paid for, such as 2026-11-01T00:00:00Z.")
        Instant currentPeriodStart,
        @NotNull(message = "Give the end of the period paid for, such as 2026-12-01T00:00:00Z.")
        Instant currentPeriodEnd,
        Instant trialEndsAt) {
}
