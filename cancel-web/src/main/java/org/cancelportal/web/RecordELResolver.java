package org.cancelportal.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/**
 * Lets pages read record components as properties (#{card.planName}), so view models can be records. Expression
 * Language 6 (Jakarta EE 11) has this built in; delete this class when the portal moves to it.
 */
public class RecordELResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return component(base, property).map(component -> {
            context.setPropertyResolved(base, property);
            try {
                return component.getAccessor().invoke(base);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new ELException("Cannot read " + property + " of " + base.getClass().getName(), e);
            }
        }).orElse(null);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (component(base, property).isPresent()) {
            context.setPropertyResolved(base, property);
        }
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (component(base, property).isPresent()) {
            throw new PropertyNotWritableException("Records are read-only: " + property);
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (component(base, property).isPresent()) {
            context.setPropertyResolved(base, property);
            return true;
        }
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base instanceof Record ? String.class : null;
    }

    private static Optional<RecordComponent> component(Object base, Object property) {
        if (!(base instanceof Record) || !(property instanceof String name)) {
            return Optional.empty();
        }
        return Arrays.stream(base.getClass().getRecordComponents())
                .filter(component -> component.getName().equals(name))
                .findFirst();
    }
}
