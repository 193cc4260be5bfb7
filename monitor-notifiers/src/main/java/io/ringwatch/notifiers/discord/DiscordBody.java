package io.ringwatch.notifiers.discord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.api.Notification;
import io.ringwatch.notifiers.card.CardJson;
import io.ringwatch.notifiers.card.ChatCard;
import io.ringwatch.notifiers.channel.ChannelText;

/**
 * The JSON of a Discord webhook message: one embed coloured by severity, and no mentions.
 *
 * <pre>{@code
 * {"username":"Ringwatch","avatar_url":"https://…","allowed_mentions":{"parse":[]},
 *  "embeds":[{"title":"CRITICAL: orders-api DOWN on node n3","description":"seen by n1: connection refused",
 *    "color":13840175,"fields":[{"name":"Target","value":"n3/orders-api","inline":true}, …],
 *    "footer":{"text":"incident n3/orders-api@…"},"timestamp":"2031-02-03T04:05:27.789Z"}]}
 * }</pre>
 *
 * {@code allowed_mentions} with an empty {@code parse} keeps an {@code @everyone} in a reason
 * from pinging anyone. Texts are cut to Discord's limits (title 256, description 4096, field
 * value 1024, footer 2048), which Ringwatch's values stay well within. The embed has the
 * severity's colour, or blue for an acknowledgement: someone is on it, so it is neither the
 * alert's red nor the recovery's green. Thread-safe: no state.
 */
final class DiscordBody {
    static final int MAX_TITLE = 256;
    static final int MAX_DESCRIPTION = 4096;
    static final int MAX_FIELD_VALUE = 1024;
    static final int MAX_FOOTER = 2048;

    private DiscordBody() {
    }

    static byte[] of(Notification notification, DiscordSettings settings) {
        ChatCard card = ChatCard.of(notification);
        ObjectNode body = CardJson.object();
        settings.username().ifPresent(name -> body.put("username", name));
        settings.avatarUrl().ifPresent(url -> body.put("avatar_url", url.toString()));
        body.putObject("allowed_mentions").putArray("parse");
        ObjectNode embed = body.putArray("embeds").addObject().put("title", ChannelText.cut(card.headline(), MAX_TITLE));
        card.detail().ifPresent(detail -> embed.put("description", ChannelText.cut(detail, MAX_DESCRIPTION)));
        embed.put("color", card.rgb());
        ArrayNode fields = embed.putArray("fields");
        card.facts().forEach(fact -> fields.addObject().put("name", fact.label())
                .put("value", ChannelText.cut(fact.value(), MAX_FIELD_VALUE)).put("inline", true));
        embed.putObject("footer").put("text", ChannelText.cut(card.incident(), MAX_FOOTER));
        embed.put("timestamp", card.at().toString());
        return CardJson.bytes(body);
    }

}
