package io.ringwatch.notifiers.mattermost;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringwatch.api.Notification;
import io.ringwatch.notifiers.card.CardJson;
import io.ringwatch.notifiers.card.ChatCard;
import java.util.Optional;

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
 * Mattermost renders Markdown in {@code text} and in the attachment's {@code text}. The
 * attachment has the severity's colour, or blue for an acknowledgement: someone is on it, so it is
 * neither the alert's red nor the recovery's green. Thread-safe: no state.
 */
final class MattermostBody {
    /** The colour of an acknowledgement. */

    private MattermostBody() {
    }

    /**
     * The post of {@code notification}.
     *
     * @param mattermostChannel where to post instead of the webhook's channel: the configured
     *        channel, or a contact's address; empty for the webhook's own channel
     * @param settings for the name and picture the post shows
     */
    static byte[] of(Notification notification, Optional<String> mattermostChannel, MattermostSettings settings) {
        ChatCard card = ChatCard.of(notification);
        ObjectNode body = CardJson.object();
        mattermostChannel.ifPresent(channel -> body.put("channel", channel));
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
