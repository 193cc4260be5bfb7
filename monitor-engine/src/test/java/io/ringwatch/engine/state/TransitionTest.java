package io.ringwatch.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Status;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TransitionTest {

    @Property
    void theTableAllowsExactlyChangesToADifferentKnownStatus(@ForAll Status from, @ForAll Status to) {
        boolean expected = from != to && to != Status.UNKNOWN;
        assertThat(Transition.isLegal(from, to)).isEqualTo(expected);
        if (expected) {
            assertThat(new Transition(from, to).to()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> new Transition(from, to))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(from + " -> " + to);
        }
    }

    @Property
    void aRecoveryIsAChangeFromTroubleToUp(@ForAll Status from, @ForAll Status to) {
        if (Transition.isLegal(from, to)) {
            Transition transition = new Transition(from, to);
            assertThat(transition.isRecovery()).isEqualTo(to == Status.UP && from != Status.UNKNOWN);
            assertThat(transition.isProblem()).isEqualTo(to != Status.UP);
        }
    }
}
