package org.cancelportal.withdrawal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicWithdrawalFormTest {

    @Test
    void nameContractAndEmailAreAllItAsksAndEachProblemIsNamedByItsField() {
        assertEquals(Map.of(), new PublicWithdrawalForm("Ann Lee", "Streaming Basic", "ann@example.com").problems());
        assertEquals(Map.of("name", "withdraw-contract.problem.name.missing",
                        "contract", "withdraw-contract.problem.contract.missing",
                        "email", "withdraw-contract.problem.email.missing"),
                new PublicWithdrawalForm(" ", null, "").problems());
    }

    @Test
    void anAddressThatCannotBeOneAndTextsTooLongAreRefused() {
        Map<String, String> problems = new PublicWithdrawalForm("x".repeat(201), "Plan", "ann at example").problems();
        assertEquals("withdraw-contract.problem.name.too-long", problems.get("name"));
        assertEquals("withdraw-contract.problem.email.invalid", problems.get("email"));
        assertEquals(2, problems.size());
    }
}
