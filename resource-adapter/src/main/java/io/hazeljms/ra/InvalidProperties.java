package io.hazeljms.ra;

import io.hazeljms.jms.config.ConfigProblem;
import jakarta.resource.spi.InvalidPropertyException;

import java.beans.IntrospectionException;
import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The one InvalidPropertyException (JCA 2.1 §5.3.7.2) that names every bad property of a JavaBean. */
public final class InvalidProperties {

    private InvalidProperties() {
    }

    public static InvalidPropertyException of(AdapterError error, List<ConfigProblem> problems, Class<?> bean) {
        InvalidPropertyException e = new InvalidPropertyException(error.text(problems.size(),
                problems.stream().map(ConfigProblem::message).collect(Collectors.joining("; "))));
        List<PropertyDescriptor> descriptors = new ArrayList<>();
        for (String name : problems.stream().map(ConfigProblem::setting).distinct().toList()) {
            try {
                descriptors.add(new PropertyDescriptor(name, bean));
            } catch (IntrospectionException notABeanProperty) {
                // every catalog setting of this scope has a getter and setter (ConfigurationCatalogTest)
                throw new IllegalStateException(AdapterError.BEAN_PROPERTY_MISSING.text(bean.getSimpleName(), name),
                        notABeanProperty);
            }
        }
        e.setInvalidPropertyDescriptors(descriptors.toArray(PropertyDescriptor[]::new));
        return e;
    }
}
