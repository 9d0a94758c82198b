package org.cancelportal.insights.control;

import java.time.Duration;

/**
 * What became of the promises the receipts of a period's cancellations made, as things stand now: each refund in the
 * one state it is in, and the renewals billing reported after a cancellation that nobody has sorted out yet.
 *
 * @param due                still due, the operator's days to confirm not passed
 * @param paidOnTime         confirmed as paid within the days to confirm, never overdue
 * @param paidLate           confirmed as paid after they had passed (overdue first, or confirmed after the deadline)
 * @param overdue            the days passed without a word from the operator
 * @param failed             the operator reported the payment failed; the money is still owed
 * @param medianTimeToRefund from due to confirmed as paid, the middle of all paid ones; null when none was paid
 * @param renewalsHeldBack   renewals reported after the cancellation, held back and still open
 */
public record FollowThrough(long due, long paidOnTime, long paidLate, long overdue, long failed,
                            Duration medianTimeToRefund, long renewalsHeldBack) {

    /** Every refund the period's cancellations promised, whatever became of it. */
    public long refunds() {
        return due + paidOnTime + paidLate + overdue + failed;
    }

    /** The refunds the median time to refund is taken from. */
    public long paid() {
        return paidOnTime + paidLate;
    }

    /** The part of all refunds a count is, 0 when there are none (the page then says so instead). */
    public double shareOf(long count) {
        return refunds() == 0 ? 0 : (double) count / refunds();
    }
}
