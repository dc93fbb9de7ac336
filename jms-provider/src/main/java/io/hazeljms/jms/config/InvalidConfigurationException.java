package io.hazeljms.jms.config;

import io.hazeljms.jms.ProviderError;
import java.util.List;
import java.util.stream.Collectors;

/** Every bad setting of one configuration, named together so that one round of fixes is enough. */
public final class InvalidConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public InvalidConfigurationException(List<ConfigProblem> problems) {
        super(ProviderError.CONFIGURATION_INVALID.text(problems.size(),
                problems.stream().map(ConfigProblem::message).collect(Collectors.joining("; "))));
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
