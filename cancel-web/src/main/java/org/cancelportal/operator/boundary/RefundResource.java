package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.util.Optional;
import org.cancelportal.cancellation.control.ReferenceGenerator;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.operatordata.control.OperatorRecords;
import org.cancelportal.refund.entity.Refund;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The refund a cancellation promised, and the operator's word on it (see RefundEndpoint). */
@Path("cancellations/{reference}/refund")
@Tag(name = "Cancellations")
public class RefundResource extends RefundEndpoint {

    @Inject
    OperatorRecords records;

    @Override
    Optional<Refund> refundOf(OperatorAccount operator, String reference) {
        return records.cancellation(operator, ReferenceGenerator.normalise(reference)).flatMap(refunds::of);
    }

    @Override
    String records() {
        return "cancellations";
    }

    @Override
    String noRefund() {
        return "You have no cancellation with this reference that promised a refund.";
    }
}
