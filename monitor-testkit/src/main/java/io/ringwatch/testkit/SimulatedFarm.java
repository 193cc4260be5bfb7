package io.ringwatch.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hands the test method a started {@link SimulatedCluster} parameter and closes it afterwards.
 * On a class it applies to every test method; on a method it overrides the class.
 *
 * <pre>{@code
 * @SimulatedFarm(nodes = 5)
 * class OutageTest {
 *     @Test
 *     void reportsACrash(SimulatedCluster farm) {
 *         farm.inject(Fault.crash("n3")).runFor(Duration.ofMinutes(5));
 *         assertThat(farm.notifications()).hasExactlyOneAlertFor(TargetId.parse("n3"));
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(SimulatedClusterExtension.class)
public @interface SimulatedFarm {

    /** How many nodes, named {@code n1} to {@code nN}. */
    int nodes() default 5;

    /** How many partners each node watches (K). */
    int partners() default 2;

    /** The services every node hosts. */
    String[] services() default {SimulatedCluster.DEFAULT_SERVICE};

    /** Seeds the engines' jitter. */
    long seed() default 1;

    /** Virtual time to let pass before the test starts, so every node has seen its partners up. */
    String warmUp() default "PT3M";
}
