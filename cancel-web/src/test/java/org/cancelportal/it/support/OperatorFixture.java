package org.cancelportal.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.cancelportal.link.control.LinkSigner;
import org.cancelportal.operator.control.Operators;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;

/** A fresh operator with its own API key and allowed origins, and a plan its subscriptions can be on. */
@ApplicationScoped
public class OperatorFixture {

    public record Created(String code, String key, String plan) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Operators operators;

    @Inject
    Clock clock;

    @Transactional
    public Created create(String allowedOrigin) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String key = "it-key-" + UUID.randomUUID();
        var operator = operators.register("op-" + suffix, "Shop " + suffix, List.of("https://shop.example.com",
                allowedOrigin), LinkSigner.hash(key));
        operators.setContactEmail(operator.id(), contactEmail("op-" + suffix));
        Plan plan = new Plan("api-" + suffix, "Video Monthly", Money.of("9.99", "EUR"), BillingPeriod.MONTHLY);
        em.persist(plan);
        return new Created("op-" + suffix, key, plan.getCode());
    }

    /** Moves time by rewriting rows: the operator's open portal sessions ran out a second ago (by the app's clock). */
    @Transactional
    public void expireSessions(String code) {
        NativeSql.query(em, "UPDATE portal_session SET expires_at = ?1 WHERE operator_id ="
                + " (SELECT id FROM operator WHERE code = ?2) AND used_at IS NULL",
                Timestamp.from(clock.instant().minusSeconds(1)), code).executeUpdate();
    }

    /** Where an operator made here is told about its keys. */
    public static String contactEmail(String code) {
        return "keys@" + code + ".example.com";
    }

    /** Moves time by rewriting rows: the grace of the operator's rotated keys ran out a second ago. */
    @Transactional
    public void endKeyGrace(String code) {
        NativeSql.query(em, "UPDATE operator_api_key SET expires_at = ?1 WHERE expires_at IS NOT NULL AND operator_id ="
                + " (SELECT id FROM operator WHERE code = ?2)", Timestamp.from(clock.instant().minusSeconds(1)), code)
                .executeUpdate();
    }

    /** Moves time by rewriting rows: the operator's idempotency keys become a day and an hour older. */
    @Transactional
    public void ageKeys(String code) {
        em.createNativeQuery("UPDATE api_idempotency SET created_at = created_at - interval '25 hours' WHERE"
                + " operator_id = (SELECT id FROM operator WHERE code = ?1)").setParameter(1, code).executeUpdate();
    }

    /** The audit trail's lines for the operator: action, subject, status and detail. */
    public List<String> audit(String code) {
        return auditBy("operator:" + code);
    }

    /** The audit trail's lines of one actor (an operator, or a person by their login), in the same form. */
    public List<String> auditBy(String actor) {
        List<?> rows = em.createNativeQuery("SELECT action || ' ' || coalesce(state_after, '') || ' ' ||"
                + " coalesce(detail, '') FROM audit_entry WHERE actor = ?1 ORDER BY id").setParameter(1,
                actor).getResultList();
        return rows.stream().map(String::valueOf).toList();
    }
}
