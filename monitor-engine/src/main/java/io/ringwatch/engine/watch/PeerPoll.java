package io.ringwatch.engine.watch;

import io.ringwatch.api.NodeId;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Asks several nodes one question at once and waits, up to a timeout each, for what they say.
 * A node that does not answer, answers late or answers something else counts as no answer.
 * Thread-safe; never completes exceptionally.
 */
final class PeerPoll {
    /** What one node said, if it said the kind of thing asked for. */
    record Reply<A extends PeerAnswer>(NodeId from, Optional<A> answer) {
    }

    private final Map<NodeId, Member> members;
    private final Transport transport;
    private final Timer timer;

    PeerPoll(Map<NodeId, Member> members, Transport transport, Timer timer) {
        this.members = members;
        this.transport = transport;
        this.timer = timer;
    }

    /** Asks every node in {@code nodes}; the replies come in the same order. */
    <A extends PeerAnswer> CompletableFuture<List<Reply<A>>> ask(List<NodeId> nodes, PeerQuestion question,
            Class<A> expected, Duration timeout) {
        List<CompletableFuture<Reply<A>>> replies = new ArrayList<>(nodes.size());
        for (NodeId node : nodes) {
            Member member = members.get(node);
            Reply<A> none = new Reply<>(node, Optional.empty());
            replies.add(Timeouts.within(
                    () -> transport.ask(member, question, timeout).thenApply(answer -> new Reply<>(node,
                            expected.isInstance(answer) ? Optional.of(expected.cast(answer)) : Optional.<A>empty())),
                    timeout, timer, () -> none, failure -> none));
        }
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
                .thenApply(done -> replies.stream().map(CompletableFuture::join).toList());
    }
}
