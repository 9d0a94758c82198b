package org.cancelportal.reminder.control;

/** What a reminder or notice is about. The names are stored; never rename one that has been written. */
public enum NoticeKind {
    /** Before a free trial turns into a paid plan. */
    TRIAL_CONVERSION,
    /** Before a yearly plan renews. */
    ANNUAL_RENEWAL,
    /** The UK's reminder every six months for a plan that renews more often than that. */
    UK_SIX_MONTHLY,
    /** The UK's notice after a trial became paid or a plan of 12 months or more renewed: the cooling-off period. */
    UK_COOLING_OFF,
    /** Before a price an operator changed applies. */
    PRICE_CHANGE;

    /** Sent after the date it is about (the others before it). */
    public boolean afterTheDate() {
        return this == UK_COOLING_OFF;
    }
}
