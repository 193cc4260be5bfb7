package io.ringwatch.notifiers.discord;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.card.ChatCard;
import io.ringwatch.testkit.notify.NotifierCompatibilityKit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The Discord notifier")
class DiscordNotifierTest extends NotifierCompatibilityKit {
    private static final String TOKEN = "kitWebh00kT0ken-abc_DEF";
    private static final String PATH = "/api/webhooks/112233445566778899/" + TOKEN;

    @RegisterExtension
    static WireMockExtension discord = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void discordAcceptsMessages() {
        discord.stubFor(post(PATH).willReturn(noContent()));
    }

    @Override
    protected NotifierProvider provider() {
        return new DiscordNotifierProvider();
    }

    @Override
    protected NotifierSettings workingSettings() {
        return NotifierSettings.of("ops-discord", Map.of("webhook-url", url(), "username", "Ringwatch",
                "avatar-url", "https://ringwatch.example/avatar.png", "timeout", "5s"));
    }

    @Override
    protected void assertDelivered(Notification sent) {
        ChatCard card = ChatCard.of(sent);
        RequestPatternBuilder request = postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.username", equalTo("Ringwatch")))
                .withRequestBody(matchingJsonPath("$.avatar_url", equalTo("https://ringwatch.example/avatar.png")))
                .withRequestBody(matchingJsonPath("$.allowed_mentions.parse", equalToJson("[]")))
                .withRequestBody(matchingJsonPath("$.embeds[0].title", equalTo(sent.headline())))
                .withRequestBody(matchingJsonPath("$.embeds[0].color",
                        equalTo(Integer.toString(card.rgb()))))
                .withRequestBody(matchingJsonPath("$.embeds[0].fields[0].value", equalTo(sent.target().toString())))
                .withRequestBody(matchingJsonPath("$.embeds[0].footer.text", equalTo("incident " + sent.incidentKey())))
                .withRequestBody(matchingJsonPath("$.embeds[0].timestamp", equalTo(sent.at().toString())));
        if (sent.kind() != NotificationKind.NOTICE) {
            request.withRequestBody(matchingJsonPath("$.embeds[0].description",
                    equalTo(ChatCard.of(sent).detail().orElseThrow())));
        } else {
            request.withRequestBody(notMatching(".*\"description\".*"));
        }
        discord.verify(1, request);
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(url(), TOKEN);
    }

    /** Discord's rate limit. */
    @Override
    protected void makeChannelFail() {
        discord.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"You are being rate limited.\",\"retry_after\":0.75,\"global\":false}")));
    }

    private static String url() {
        return "http://127.0.0.1:" + discord.getPort() + PATH;
    }
}
