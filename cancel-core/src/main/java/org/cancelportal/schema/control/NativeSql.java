package org.cancelportal.schema.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** A native query with its positional parameters (?1, ?2, …) bound in order. */
public final class NativeSql {

    private NativeSql() {
    }

    public static Query query(EntityManager em, String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
