package io.ringwatch.engine.statuspage;

import io.ringwatch.api.NodeId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ring as an SVG picture: members on a circle in ring order, coloured by state, with an
 * arrow from each watcher to each partner it watches (dashed where the watcher did not answer
 * and the arrow is the ring's plan, not what it said). Stateless.
 */
final class RingPicture {
    private static final int SIZE = 360;
    private static final double CENTRE = SIZE / 2.0;
    private static final double RADIUS = 130;
    private static final double NODE_RADIUS = 20;
    private static final double EDGE_OFFSET = 5;

    private RingPicture() {
    }

    static String svg(List<FarmStatus.RingNode> nodes, List<FarmStatus.RingEdge> edges) {
        StringBuilder out = new StringBuilder();
        out.append("<svg class=\"ring-picture\" viewBox=\"0 0 ").append(SIZE).append(' ').append(SIZE)
                .append("\" role=\"img\" aria-label=\"The ring: who watches whom\">");
        out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
                + " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrow-head\"/></marker></defs>");
        Map<NodeId, double[]> places = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            double angle = 2 * Math.PI * i / nodes.size() - Math.PI / 2;
            places.put(nodes.get(i).node(), new double[] {CENTRE + RADIUS * Math.cos(angle), CENTRE + RADIUS * Math.sin(angle)});
        }
        for (FarmStatus.RingEdge edge : edges) {
            double[] from = places.get(edge.watcher());
            double[] to = places.get(edge.watched());
            if (from == null || to == null) {
                continue;
            }
            double dx = to[0] - from[0];
            double dy = to[1] - from[1];
            double length = Math.hypot(dx, dy);
            if (length <= 2 * NODE_RADIUS) {
                continue;
            }
            double ux = dx / length;
            double uy = dy / length;
            // Each arrow a little to its own right, so that two nodes watching each other show two arrows.
            double ox = -uy * EDGE_OFFSET;
            double oy = ux * EDGE_OFFSET;
            out.append("<line class=\"edge ").append(edge.current() ? "current" : "planned")
                    .append("\" data-watcher=\"").append(Html.escape(edge.watcher().value()))
                    .append("\" data-watched=\"").append(Html.escape(edge.watched().value()))
                    .append("\" x1=\"").append(number(from[0] + ux * NODE_RADIUS + ox))
                    .append("\" y1=\"").append(number(from[1] + uy * NODE_RADIUS + oy))
                    .append("\" x2=\"").append(number(to[0] - ux * (NODE_RADIUS + 2) + ox))
                    .append("\" y2=\"").append(number(to[1] - uy * (NODE_RADIUS + 2) + oy))
                    .append("\" marker-end=\"url(#arrow)\"><title>").append(Html.escape(edge.watcher().value()))
                    .append(" watches ").append(Html.escape(edge.watched().value()))
                    .append(edge.current() ? "" : " (by plan: it did not answer)").append("</title></line>");
        }
        for (FarmStatus.RingNode node : nodes) {
            double[] place = places.get(node.node());
            String status = node.status().name().toLowerCase(Locale.ROOT);
            out.append("<g class=\"ring-node ").append(status).append(node.answered() ? "" : " silent")
                    .append("\" data-node=\"").append(Html.escape(node.node().value()))
                    .append("\" data-status=\"").append(node.status().name()).append("\">");
            if (node.runsEngine()) {
                out.append("<circle cx=\"").append(number(place[0])).append("\" cy=\"").append(number(place[1]))
                        .append("\" r=\"").append(number(NODE_RADIUS)).append("\"/>");
            } else {
                out.append("<rect x=\"").append(number(place[0] - NODE_RADIUS * 0.85)).append("\" y=\"")
                        .append(number(place[1] - NODE_RADIUS * 0.85)).append("\" width=\"").append(number(NODE_RADIUS * 1.7))
                        .append("\" height=\"").append(number(NODE_RADIUS * 1.7)).append("\" rx=\"4\"/>");
            }
            out.append("<text x=\"").append(number(place[0])).append("\" y=\"").append(number(place[1] + 4))
                    .append("\" text-anchor=\"middle\">").append(Html.escape(node.node().value())).append("</text><title>")
                    .append(Html.escape(node.node().value())).append(": ").append(node.status().name())
                    .append(node.runsEngine() ? "" : " (watched only, runs no agent)").append("</title></g>");
        }
        return out.append("</svg>").toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
