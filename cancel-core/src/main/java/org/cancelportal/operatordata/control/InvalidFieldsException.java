package org.cancelportal.operatordata.control;

import java.util.List;

/** The request named things that cannot be used; nothing was changed. */
public class InvalidFieldsException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public InvalidFieldsException(String field, String detail) {
        this(List.of(new FieldProblem(field, detail)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
