package org.cancelportal.insights.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.survey.control.SurveySettings;

/** The values each filter accepts: anything else is a mistake to point out, not a query to run. */
@ApplicationScoped
public class FilterChoices {

    public static final List<String> LANGUAGES = List.of("en", "de");

    @PersistenceContext
    EntityManager em;

    @Inject
    SurveySettings settings;

    /** Plan codes and their names, by name. */
    public Map<String, String> plans() {
        Map<String, String> plans = new LinkedHashMap<>();
        em.createQuery("select p.code, p.name from Plan p order by p.name, p.code", Object[].class).getResultList()
                .forEach(plan -> plans.put((String) plan[0], (String) plan[1]));
        return plans;
    }

    public List<String> tenureBands() {
        return InsightsQueries.TENURE_BANDS;
    }

    public List<String> channels() {
        return Arrays.stream(Channel.values()).map(Enum::name).toList();
    }

    public List<String> languages() {
        return LANGUAGES;
    }

    public List<String> reasons() {
        return settings.reasons();
    }
}
