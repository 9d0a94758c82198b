package org.cancelportal.publiccancel.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cancelportal.publiccancel.control.ContractMatching.Candidate;
import org.cancelportal.publiccancel.entity.Declared;

/**
 * The subscriptions a declaration may mean: for the automatic match, and for the agent who looks closer. A cancellation
 * can mean only an active subscription; a withdrawal also one whose cancellation is scheduled, because a scheduled
 * cancellation leaves the withdrawal period running (see Subscription.withdraw()).
 */
@ApplicationScoped
public class SubscriptionCandidates {

    static final int MAX_FOR_AGENT = 20;

    private static final String SELECT = "SELECT su.id, s.name, p.name, su.external_reference, s.external_id, s.email"
            + " FROM subscriber s JOIN subscription su ON su.subscriber_id = s.id JOIN plan p ON p.id = su.plan_id"
            + " WHERE su.status IN (%s) AND ";
    private static final String CANCELLABLE = "'ACTIVE'";
    private static final String WITHDRAWABLE = "'ACTIVE', 'CANCELLATION_SCHEDULED'";

    @Resource(lookup = "jdbc/cancelportal")
    DataSource dataSource;

    protected SubscriptionCandidates() {
    }

    public SubscriptionCandidates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The one active subscription the declaration names for certain (see {@link ContractMatching}), if any. */
    public Optional<Candidate> match(Declared declared) {
        return match(declared, CANCELLABLE);
    }

    /**
     * The one subscription a declared withdrawal names for certain, matched as {@link #match} does, among the active
     * ones and those whose cancellation is scheduled. Whether it is still inside its withdrawal period is for the
     * caller to check.
     */
    public Optional<Candidate> matchForWithdrawal(Declared declared) {
        return match(declared, WITHDRAWABLE);
    }

    /**
     * For the agent: active subscriptions of anyone with the declared email or name, or with the declared contract
     * as a subscription or customer reference; the closest ones first.
     */
    public List<Candidate> forAgent(Declared declared) {
        return forAgent(declared, CANCELLABLE);
    }

    /** For the agent, as {@link #forAgent}, among the subscriptions a withdrawal may end. */
    public List<Candidate> forAgentWithdrawal(Declared declared) {
        return forAgent(declared, WITHDRAWABLE);
    }

    private Optional<Candidate> match(Declared declared, String statuses) {
        return ContractMatching.match(declared, query(SELECT.formatted(statuses)
                + "lower(s.email) = lower(?) ORDER BY su.id", declared.accountEmail()));
    }

    private List<Candidate> forAgent(Declared declared, String statuses) {
        return query(SELECT.formatted(statuses) + "(lower(s.email) = lower(?) OR lower(s.name) = lower(?)"
                        + " OR lower(su.external_reference) = lower(?) OR lower(s.external_id) = lower(?))"
                        + " ORDER BY (lower(s.email) = lower(?)) DESC, s.name, su.id LIMIT " + MAX_FOR_AGENT,
                declared.accountEmail(), declared.name(), declared.contract(), declared.contract(),
                declared.accountEmail());
    }

    private List<Candidate> query(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i].strip());
            }
            List<Candidate> found = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(new Candidate(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Looking up subscriptions for a declaration failed", e);
        }
    }
}
