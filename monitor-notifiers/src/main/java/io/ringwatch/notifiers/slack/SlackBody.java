package io.ringwatch.notifiers.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.api.Notification;
import io.ringwatch.notifiers.card.CardJson;
import io.ringwatch.notifiers.card.ChatCard;
import io.ringwatch.notifiers.channel.ChannelText;
import java.util.Optional;

/**
 * The JSON of a Slack message, the same for an incoming webhook and for {@code chat.postMessage}
 * (which adds {@code channel}):
 *
 * <pre>{@code
 * {"channel":"#ops",
 *  "text":"CRITICAL: orders-api DOWN on node n3",
 *  "attachments":[{"color":"#D32F2F","blocks":[
 *    {"type":"section","text":{"type":"plain_text","text":"seen by n1: connection refused","emoji":false}},
 *    {"type":"section","fields":[{"type":"mrkdwn","text":"*Target*\n`n3/orders-api`"}, …]},
 *    {"type":"context","elements":[{"type":"plain_text","text":"incident n3/orders-api@…","emoji":false}]}]}]}
 * }</pre>
 *
 * {@code text} is the headline, what notifications and screen readers show; Slack reads it as
 * {@code mrkdwn}, so {@code &}, {@code <} and {@code >} are escaped as Slack asks (a reason cannot
 * mention {@code <!channel>}). The reason is in a {@code plain_text} block, shown exactly as it
 * is. The attachment's bar has the severity's colour, or blue for an acknowledgement: someone is on
 * it, so it is neither the alert's red nor the recovery's green. Thread-safe: no state.
 */
final class SlackBody {
    /** Slack's limits: a section's text and a field's text. */
    static final int MAX_SECTION = 3000;
    static final int MAX_FIELD = 2000;
    /** The bar of an acknowledgement. */

    private SlackBody() {
    }

    /**
     * The message for {@code notification}.
     *
     * @param slackChannel the channel, for {@code chat.postMessage}; empty for a webhook
     */
    static byte[] of(Notification notification, Optional<String> slackChannel) {
        ChatCard card = ChatCard.of(notification);
        ObjectNode body = CardJson.object();
        slackChannel.ifPresent(channel -> body.put("channel", channel));
        body.put("text", escape(card.headline()));
        ObjectNode attachment = body.putArray("attachments").addObject().put("color", card.hex());
        ArrayNode blocks = attachment.putArray("blocks");
        card.detail().ifPresent(detail -> blocks.addObject().put("type", "section")
                .set("text", plainText(ChannelText.cut(detail, MAX_SECTION))));
        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        card.facts().forEach(fact -> fields.addObject().put("type", "mrkdwn")
                .put("text", ChannelText.cut("*" + fact.label() + "*\n`" + escape(fact.value()) + "`", MAX_FIELD)));
        blocks.addObject().put("type", "context").putArray("elements")
                .add(plainText(ChannelText.cut(card.incident(), MAX_FIELD)));
        return CardJson.bytes(body);
    }


    /** Escapes the three characters Slack's {@code mrkdwn} gives a meaning to: {@code & < >}. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static ObjectNode plainText(String text) {
        return CardJson.object().put("type", "plain_text").put("text", text).put("emoji", false);
    }
}
