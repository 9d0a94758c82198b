package org.cancelportal.operator.control;

import java.util.List;
import java.util.Optional;

/** An operator as its API calls see it: who it is and where portal sessions may send its customers back to. */
public record OperatorAccount(long id, String code, String name, List<String> allowedOrigins) {

    public OperatorAccount {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** How the operator appears in the audit trail. */
    public String actor() {
        return "operator:" + code;
    }

    public boolean allowsReturnTo(String url) {
        return ReturnUrls.origin(url).filter(origin -> allowedOrigins.stream()
                .map(ReturnUrls::origin).flatMap(Optional::stream)
                .anyMatch(origin::equals)).isPresent();
    }
}
