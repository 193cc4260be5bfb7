package io.ringwatch.notifiers.mattermost;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.notifiers.card.CardJson;
import io.ringwatch.notifiers.card.ChatCard;

/**
 * The JSON of a Mattermost incoming webhook's post: the headline as {@code text} and one
 * message attachment coloured by severity.
 *
 * <pre>{@code
 * {"channel":"ops","username":"Ringwatch","icon_url":"https://…",
 *  "text":"CRITICAL: orders-api DOWN on node n3",
 *  "attachments":[{"fallback":"CRITICAL: orders-api DOWN on node n3","color":"#D32F2F",
 *    "text":"seen by n1: connection refused",
 *    "fields":[{"short":true,"title":"Target","value":"n3/orders-api"}, …],
 *    "footer":"incident n3/orders-api@…"}]}
 * }</pre>
 *
 * Mattermost renders Markdown in {@code text} and in the attachment's {@code text}. Thread-safe: no state.
 */
final class MattermostBody {
    private MattermostBody() {
    }

    static byte[] of(ChatCard card, MattermostSettings settings) {
        ObjectNode body = CardJson.object();
        settings.mattermostChannel().ifPresent(channel -> body.put("channel", channel));
        settings.username().ifPresent(name -> body.put("username", name));
        settings.iconUrl().ifPresent(url -> body.put("icon_url", url.toString()));
        body.put("text", card.headline());
        ObjectNode attachment = body.putArray("attachments").addObject()
                .put("fallback", card.headline())
                .put("color", card.hex());
        card.detail().ifPresent(detail -> attachment.put("text", detail));
        ArrayNode fields = attachment.putArray("fields");
        card.facts().forEach(fact -> fields.addObject().put("short", true).put("title", fact.label()).put("value", fact.value()));
        attachment.put("footer", card.incident());
        return CardJson.bytes(body);
    }
}
