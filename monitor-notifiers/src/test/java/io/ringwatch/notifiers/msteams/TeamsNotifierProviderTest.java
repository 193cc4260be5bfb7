package io.ringwatch.notifiers.msteams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.NotifierSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsNotifierProviderTest {
    private static final String SIGNATURE = "providerSig_Q9-x";
    private static final String HOST = "default0a1b2c.3d.environment.api.powerplatform.com:443";
    private static final String PATH = "/powerautomate/automations/direct/workflows/77aa/triggers/manual/paths/invoke";
    private static final String QUERY = "api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + SIGNATURE;
    private static final String WEBHOOK = "https://" + HOST + PATH + "?" + QUERY;

    private final TeamsNotifierProvider provider = new TeamsNotifierProvider();

    @Test
    void readsTheWorkflowUrlWithHttpsReplacedByMsteams() {
        assertThat(provider.urlSchemes()).containsExactly("msteams");
        assertThat(provider.settingsOf("msteams://" + HOST + PATH + "?" + QUERY))
                .containsExactly(Map.entry("webhook-url", WEBHOOK));
        assertThat(provider.settingsOf("msteams://" + HOST + PATH + "?" + QUERY + "&timeout=5s"))
                .containsExactly(Map.entry("webhook-url", WEBHOOK), Map.entry("timeout", "5s"));
    }

    @Test
    void aChannelUrlMakesAWorkingNotifier() {
        assertThat(provider.create(NotifierSettings.of("ops", provider.settingsOf("msteams://" + HOST + PATH + "?" + QUERY))))
                .hasToString("TeamsNotifier[channel=ops, webhook=https://" + HOST + ", timeout=PT10S]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"msteams://" + HOST, "msteams://user@" + HOST + PATH, "msteams://", "msteams:" + PATH})
    void refusesAnotherFormSayingTheExpectedOneWithoutQuotingTheUrl(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .withMessageStartingWith("expected a URL of the form msteams://HOST[:PORT]/PATH?QUERY")
                .withMessageNotContaining("workflows/77aa");
    }

    @Test
    void refusesTheRetiredConnectorFormSayingSo() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf("msteams://myteam/tokenA-" + SIGNATURE
                        + "/tokenB/tokenC"))
                .withMessageEndingWith("msteams://TEAM/TOKEN_A/TOKEN_B/TOKEN_C is an Office 365 connector, which Teams "
                        + "retired: make a Workflows webhook instead")
                .withMessageNotContaining(SIGNATURE);
    }

    @Test
    void checksTheSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.empty("ops")))
                .withMessage("channel 'ops': setting 'webhook-url' is required");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(NotifierSettings.of("ops", Map.of("webhook-url", "msteams://" + HOST + PATH))))
                .withMessage("channel 'ops': setting 'webhook-url' must be an absolute http or https URL");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(NotifierSettings.of("ops", Map.of("webhook-url", WEBHOOK, "card", "1.5"))))
                .withMessage("channel 'ops': unknown setting 'card' for a msteams channel; known settings: [timeout, webhook-url]");
    }

    @Test
    void keepsNoSecretInAnyToString() {
        NotifierSettings settings = NotifierSettings.of("ops", Map.of("webhook-url", WEBHOOK));

        assertThat(TeamsSettings.from(settings)).hasToString("TeamsSettings[channel=ops, webhook=https://" + HOST
                + ", timeout=PT10S]");
        assertThat(String.join("\n", settings.toString(), provider.create(settings).toString(), provider.toString()))
                .doesNotContain(SIGNATURE, "workflows", "sig=");
    }
}
