package io.ringwatch.testkit;

import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link SimulatedCluster} parameters from {@link SimulatedFarm}: builds and starts the
 * farm, lets the warm-up pass, and closes it when the test is done, through the extension store.
 * Each test method gets a farm of its own.
 */
public final class SimulatedClusterExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulatedClusterExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SimulatedCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SimulatedFarm farm = find(context.getElement()).or(() -> context.getTestClass().flatMap(SimulatedClusterExtension::find))
                .orElseThrow(() -> new ParameterResolutionException("annotate the test or its class with @SimulatedFarm"));
        Duration warmUp;
        try {
            warmUp = Duration.parse(farm.warmUp());
        } catch (RuntimeException invalid) {
            throw new ParameterResolutionException("@SimulatedFarm(warmUp = \"" + farm.warmUp()
                    + "\") is not an ISO-8601 duration such as PT3M", invalid);
        }
        SimulatedCluster cluster = SimulatedCluster.builder()
                .nodes(farm.nodes())
                .services(farm.services())
                .partners(farm.partners())
                .seed(farm.seed())
                .build();
        // The store closes what it holds that is AutoCloseable when the test is done.
        context.getStore(NAMESPACE).put(parameter.getIndex() + "@" + context.getUniqueId(), cluster);
        return cluster.runFor(warmUp);
    }

    private static Optional<SimulatedFarm> find(Optional<? extends AnnotatedElement> element) {
        return element.flatMap(annotated -> AnnotationSupport.findAnnotation(annotated, SimulatedFarm.class));
    }

    /** On the class, a superclass, or an enclosing class of a {@code @Nested} test. */
    private static Optional<SimulatedFarm> find(Class<?> type) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getEnclosingClass()) {
            Optional<SimulatedFarm> found = AnnotationSupport.findAnnotation(candidate, SimulatedFarm.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
