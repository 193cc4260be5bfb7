package io.ringwatch.notifiers.msteams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.notifiers.card.CardJson;
import io.ringwatch.notifiers.card.ChatCard;

/**
 * The JSON a Workflows webhook takes: a message whose one attachment is an Adaptive Card.
 *
 * <pre>{@code
 * {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","contentUrl":null,
 *   "content":{"$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.4",
 *     "msteams":{"width":"Full"},
 *     "body":[
 *       {"type":"Container","style":"attention","bleed":true,"items":[
 *         {"type":"TextBlock","text":"CRITICAL: orders-api DOWN on node n3","weight":"Bolder","size":"Medium","color":"Attention","wrap":true}]},
 *       {"type":"TextBlock","text":"seen by n1: connection refused","wrap":true},
 *       {"type":"FactSet","facts":[{"title":"Target","value":"n3/orders-api"}, …]},
 *       {"type":"TextBlock","text":"incident n3/orders-api@…","isSubtle":true,"size":"Small","wrap":true}]}}]}
 * }</pre>
 *
 * Severity picks the container's style and the headline's colour: {@code attention} for
 * critical, {@code warning} for warning, {@code good} for information; an acknowledgement is
 * {@code accent} (blue) whatever its severity: someone is on it. Version 1.4 is what Teams renders
 * everywhere, mobile included. Thread-safe: no state.
 */
final class TeamsBody {
    static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    static final String VERSION = "1.4";

    private TeamsBody() {
    }

    static byte[] of(Notification notification) {
        ChatCard card = ChatCard.of(notification);
        ObjectNode message = CardJson.object().put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject()
                .put("contentType", CARD_TYPE)
                .putNull("contentUrl");
        ObjectNode content = attachment.putObject("content")
                .put("$schema", SCHEMA).put("type", "AdaptiveCard").put("version", VERSION);
        content.putObject("msteams").put("width", "Full");
        ArrayNode body = content.putArray("body");
        String style = style(notification);
        body.addObject().put("type", "Container").put("style", style).put("bleed", true).putArray("items")
                .add(textBlock(card.headline()).put("weight", "Bolder").put("size", "Medium")
                        .put("color", Character.toUpperCase(style.charAt(0)) + style.substring(1)));
        card.detail().ifPresent(detail -> body.add(textBlock(detail)));
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        card.facts().forEach(fact -> facts.addObject().put("title", fact.label()).put("value", fact.value()));
        body.add(textBlock(card.incident()).put("isSubtle", true).put("size", "Small"));
        return CardJson.bytes(message);
    }

    /**
     * The container style of the notification: {@code accent} for an acknowledgement, else its
     * severity's. Capitalised, it is also the headline's TextBlock colour.
     */
    static String style(Notification notification) {
        if (notification.kind() == NotificationKind.ACKNOWLEDGED) {
            return "accent";
        }
        return switch (notification.severity()) {
            case CRITICAL -> "attention";
            case WARNING -> "warning";
            case INFORMATION -> "good";
        };
    }

    private static ObjectNode textBlock(String text) {
        return CardJson.object().put("type", "TextBlock").put("text", text).put("wrap", true);
    }
}
