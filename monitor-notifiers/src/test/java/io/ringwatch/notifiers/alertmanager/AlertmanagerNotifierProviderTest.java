package io.ringwatch.notifiers.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.NotifierSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlertmanagerNotifierProviderTest {
    private static final String TOKEN = "am-token-31f7c";
    private static final String PASSWORD = "am-pass-0e9b";

    private final AlertmanagerNotifierProvider provider = new AlertmanagerNotifierProvider();

    @Test
    void postsToTheApiV2AlertsPathOfTheBaseUrl() {
        assertThat(AlertmanagerSettings.from(settings(Map.of())).alertsUrl())
                .isEqualTo(URI.create("http://alertmanager.internal:9093/api/v2/alerts"));
        assertThat(AlertmanagerSettings.from(settings(Map.of("url", "https://am.example.com/am//"))).alertsUrl())
                .isEqualTo(URI.create("https://am.example.com/am/api/v2/alerts"));
    }

    @Test
    void keepsAlertsActiveForADayWithoutNewsByDefault() {
        AlertmanagerSettings settings = AlertmanagerSettings.from(settings(Map.of()));

        assertThat(settings.resolveTimeout()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.authorization()).isEmpty();
        assertThat(settings.generatorUrl()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"90m, PT1H30M", "24h, PT24H", "7d, PT168H", "PT2H, PT2H", "1m, PT1M", "30d, PT720H"})
    void readsTheResolveTimeout(String value, Duration expected) {
        assertThat(AlertmanagerSettings.from(settings(Map.of("resolve-timeout", value))).resolveTimeout()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"30s", "0m", "31d", "forever", "24"})
    void rejectsAResolveTimeoutOutOfRange(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("resolve-timeout", value))))
                .withMessage("channel 'ops-am': setting 'resolve-timeout' must be a duration from 1 minute to 30 days, "
                        + "such as 90m, 24h, 7d or PT24H");
    }

    @Test
    void showsTheOriginAndTheKindOfAuthenticationOnly() {
        NotifierSettings basic = settings(Map.of("url", "https://am.example.com/private-prefix", "username", "rw",
                "password", PASSWORD));
        NotifierSettings bearer = settings(Map.of("token", TOKEN));

        assertThat(provider.create(basic)).hasToString("AlertmanagerNotifier[channel=ops-am, url=https://am.example.com:443, "
                + "auth=basic, resolveTimeout=PT24H, timeout=PT10S]");
        assertThat(String.join("\n", basic.toString(), bearer.toString(), AlertmanagerSettings.from(basic).toString(),
                AlertmanagerSettings.from(bearer).toString(), provider.create(bearer).toString(), provider.toString()))
                .doesNotContain(PASSWORD, TOKEN, "private-prefix");
    }

    @Test
    void requiresAUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.empty("ops-am")))
                .withMessage("channel 'ops-am': setting 'url' is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alertmanager.internal:9093", "ftp://alertmanager.internal", "/api/v2/alerts"})
    void rejectsAUrlThatIsNotHttp(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("url", url))))
                .withMessage("channel 'ops-am': setting 'url' must be an absolute http or https URL");
    }

    @Test
    void rejectsAUrlWithAQueryOrCredentials() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("url", "http://am.internal:9093/?token=" + TOKEN))))
                .withMessage("channel 'ops-am': setting 'url' must be the Alertmanager's base URL, without a query or fragment");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("url", "http://rw:" + PASSWORD + "@am.internal:9093"))))
                .withMessageNotContaining(PASSWORD);
    }

    @Test
    void needsTheUserAndThePasswordTogetherAndNotWithAToken() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("username", "rw"))))
                .withMessage("channel 'ops-am': setting 'password' is required when 'username' is set");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("password", PASSWORD))))
                .withMessage("channel 'ops-am': setting 'username' is required when 'password' is set");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("username", "rw", "password", PASSWORD, "token", TOKEN))))
                .withMessage("channel 'ops-am': setting 'token' cannot be set with 'username' and 'password': "
                        + "choose bearer or basic authentication");
    }

    @Test
    void rejectsATokenThatCannotBeAHeaderWithoutShowingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("token", TOKEN + " x\n"))))
                .withMessage("channel 'ops-am': setting 'token' must be printable ASCII without spaces");
    }

    @Test
    void rejectsABlankOrUnknownSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("token", " "))))
                .withMessage("channel 'ops-am': setting 'token' is blank; remove it, or give it a value");
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("receiver", "ops"))))
                .withMessage("channel 'ops-am': unknown setting 'receiver' for an alertmanager channel; known settings: "
                        + "[generator-url, password, resolve-timeout, timeout, token, url, username]");
    }

    @Test
    void readsAnAlertmanagerUrl() {
        assertThat(provider.urlSchemes()).containsExactlyInAnyOrder("alertmanager", "alertmanagers");
        assertThat(provider.settingsOf("alertmanager://am.internal")).containsExactly(Map.entry("url", "http://am.internal:9093"));
        assertThat(provider.settingsOf("alertmanager://127.0.0.1:19093/am?resolve-timeout=2h&timeout=3s"))
                .containsExactly(Map.entry("url", "http://127.0.0.1:19093/am"), Map.entry("resolve-timeout", "2h"),
                        Map.entry("timeout", "3s"));
        assertThat(provider.settingsOf("alertmanagers://rw:p%40ss%3A" + PASSWORD + "@am.example.com/prefix"))
                .containsExactly(Map.entry("url", "https://am.example.com:443/prefix"), Map.entry("username", "rw"),
                        Map.entry("password", "p@ss:" + PASSWORD));
        assertThat(provider.settingsOf("alertmanagers://am.example.com:8443?token=" + TOKEN))
                .containsExactly(Map.entry("url", "https://am.example.com:8443"), Map.entry("token", TOKEN));
        assertThat(provider.settingsOf("alertmanager://[::1]")).containsExactly(Map.entry("url", "http://[::1]:9093"));
    }

    @Test
    void theSettingsOfAUrlMakeANotifier() {
        assertThat(provider.create(NotifierSettings.of("ops-am", provider.settingsOf("alertmanagers://am.example.com?token=" + TOKEN))))
                .hasToString("AlertmanagerNotifier[channel=ops-am, url=https://am.example.com:443, auth=bearer, "
                        + "resolveTimeout=PT24H, timeout=PT10S]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alertmanager://", "alertmanager:am.internal", "alertmanager://rw@am.internal",
            "alertmanager://rw:" + PASSWORD + "@", "alertmanager://am.internal?" + TOKEN,
            "alertmanager://am.internal?receiver=" + TOKEN, "prometheus://am.internal?token=" + TOKEN})
    void rejectsAUrlOfAnotherFormWithoutQuotingIt(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .satisfies(e -> assertThat(e.getMessage()).contains("alertmanager").doesNotContain(PASSWORD, TOKEN, "am.internal"));
    }

    private static NotifierSettings settings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of("url", "http://alertmanager.internal:9093"));
        values.putAll(overrides);
        return NotifierSettings.of("ops-am", values);
    }
}
