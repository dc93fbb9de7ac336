package io.hazeljms.jms.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every bad setting of one configuration, named together so that one round of fixes is enough. */
public final class InvalidConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public InvalidConfigurationException(List<ConfigProblem> problems) {
        super("HJMS-CFG-013 invalid configuration (" + problems.size() + " setting(s)): "
                + problems.stream().map(ConfigProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    /** The names of the bad settings. */
    public List<String> settings() {
        return problems.stream().map(ConfigProblem::setting).distinct().toList();
    }
}
