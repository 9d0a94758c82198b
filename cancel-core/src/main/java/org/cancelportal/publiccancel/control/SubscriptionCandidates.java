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

/** The active subscriptions a declaration may mean: for the automatic match, and for the agent who looks closer. */
@ApplicationScoped
public class SubscriptionCandidates {

    static final int MAX_FOR_AGENT = 20;

    private static final String SELECT = "SELECT su.id, s.name, p.name, su.external_reference, s.external_id, s.email"
            + " FROM subscriber s JOIN subscription su ON su.subscriber_id = s.id JOIN plan p ON p.id = su.plan_id"
            + " WHERE su.status = 'ACTIVE' AND ";

    @Resource(lookup = "jdbc/cancelportal")
    DataSource dataSource;

    protected SubscriptionCandidates() {
    }

    public SubscriptionCandidates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The one active subscription the declaration names for certain (see {@link ContractMatching}), if any. */
    public Optional<Candidate> match(Declared declared) {
        return ContractMatching.match(declared, query(SELECT + "lower(s.email) = lower(?) ORDER BY su.id",
                declared.accountEmail()));
    }

    /**
     * For the agent: active subscriptions of anyone with the declared email or name, or with the declared contract
     * as a subscription or customer reference; the closest ones first.
     */
    public List<Candidate> forAgent(Declared declared) {
        return query(SELECT + "(lower(s.email) = lower(?) OR lower(s.name) = lower(?)"
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
