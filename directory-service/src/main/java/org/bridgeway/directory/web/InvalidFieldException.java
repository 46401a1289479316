package org.bridgeway.directory.web;

import java.util.List;

/** A request that is well formed but breaks rules about some of its fields; each is named. */
public class InvalidFieldException extends RuntimeException {

    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidFieldException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidFieldException(List<FieldProblem> problems) {
        super(problems.getFirst().field() + " " + problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
