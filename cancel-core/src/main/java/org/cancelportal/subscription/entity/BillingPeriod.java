package org.cancelportal.subscription.entity;

public enum BillingPeriod {
    MONTHLY, YEARLY
}
