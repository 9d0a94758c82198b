package org.cancelportal.insights.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.ArrayList;
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

    /** The plans of one code: their names (each once, by name) and how many plans have the code. */
    public record PlanCode(String code, List<String> names, int plans) implements Serializable {
    }

    /**
     * Plan codes, each once, by name. The figures are kept by plan code, and operators may give their own plans the same
     * code: such a code stands for all its plans, counted together.
     */
    public Map<String, PlanCode> plans() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        em.createQuery("select p.code, p.name from Plan p order by p.name, p.code", Object[].class).getResultList()
                .forEach(plan -> {
                    String code = (String) plan[0];
                    List<String> known = names.computeIfAbsent(code, ignored -> new ArrayList<>());
                    if (!known.contains((String) plan[1])) {
                        known.add((String) plan[1]);
                    }
                    counts.merge(code, 1, Integer::sum);
                });
        Map<String, PlanCode> plans = new LinkedHashMap<>();
        names.forEach((code, its) -> plans.put(code, new PlanCode(code, List.copyOf(its), counts.get(code))));
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
