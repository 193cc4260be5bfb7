package io.ringwatch.notifiers.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The telegram notifier")
class TelegramNotifierTest extends NotifierCompatibilityKit {
    private static final String TOKEN = "123456789:AAEkit-token_0123456789abcdefXYZ";
    private static final String PATH = "/bot" + TOKEN + "/sendMessage";
    private static final String CHANNELS_CHAT = "-1001234567890";

    @RegisterExtension
    static WireMockExtension telegram = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void telegramAcceptsMessages() {
        telegram.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":42}}")));
    }

    @Override
    protected NotifierProvider provider() {
        return new TelegramNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-telegram", Map.of("token", TOKEN, "chat-id", CHANNELS_CHAT,
                "api-url", "http://127.0.0.1:" + telegram.getPort(), "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        telegram.verify(sendMessage(sent, CHANNELS_CHAT));
    }

    /** A person's chat: the id of the person's private chat with the bot is the person's user id. */
    @Override
    protected String sampleAddress() {
        return "5566778899";
    }

    @Override
    protected void assertDeliveredTo(Notification sent, String address) {
        telegram.verify(1, sendMessage(sent, address));
        telegram.verify(0, anyRequestedFor(anyUrl()).withRequestBody(matchingJsonPath("$.chat_id", equalTo(CHANNELS_CHAT))));
    }

    private static RequestPatternBuilder sendMessage(Notification sent, String chatId) {
        return postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chatId)))
                .withRequestBody(matchingJsonPath("$.parse_mode", equalTo("HTML")))
                .withRequestBody(matchingJsonPath("$.text", equalTo(TelegramMessage.html(sent))))
                .withRequestBody(matchingJsonPath("$.disable_notification",
                        equalTo(Boolean.toString(TelegramMessage.silent(sent)))));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(TOKEN, "AAEkit-token_0123456789abcdefXYZ");
    }

    /** Telegram refuses everything, as it does with a revoked token. */
    @Override
    protected void makeChannelFail() {
        telegram.stubFor(post(anyUrl()).willReturn(okJson("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")
                .withStatus(401)));
    }
}
