package io.ringwatch.notifiers.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringwatch.api.NotifierSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioNotifierProviderTest {
    private static final String SID = "ACaaaabbbbccccddddeeeeffff00001111";
    private static final String TOKEN = "token-5f4dcc3b5aa765d61d8327deb882cf99";
    private static final String ACK_TOKEN = "ack-secret-77";

    private final TwilioNotifierProvider provider = new TwilioNotifierProvider();

    @Test
    void readsAUrlWithOneRecipient() {
        assertThat(provider.urlSchemes()).containsExactly("twilio");
        assertThat(provider.settingsOf("twilio://" + SID + ":" + TOKEN + "@+15017122661/+15558675310"))
                .containsExactly(Map.entry("account-sid", SID), Map.entry("auth-token", TOKEN),
                        Map.entry("from", "+15017122661"), Map.entry("to", "+15558675310"));
    }

    @Test
    void readsAUrlWithSeveralRecipientsACallModeAndAnAcknowledgementUrl() {
        Map<String, String> settings = provider.settingsOf("twilio://" + SID + ":" + TOKEN + "@%2B15017122661/+15558675310/"
                + "+15558675311/?mode=call&ack-url=https%3A%2F%2Fack.example.com%2Ft%3Fk%3D" + ACK_TOKEN + "&timeout=20s");

        assertThat(settings).containsExactly(Map.entry("account-sid", SID), Map.entry("auth-token", TOKEN),
                Map.entry("from", "+15017122661"), Map.entry("to", "+15558675310,+15558675311"), Map.entry("mode", "call"),
                Map.entry("ack-url", "https://ack.example.com/t?k=" + ACK_TOKEN), Map.entry("timeout", "20s"));
        assertThat(provider.create(NotifierSettings.of("phone", settings))).hasToString("TwilioNotifier[channel=phone, "
                + "mode=call, recipients=2, acknowledgeable=true, api=https://api.twilio.com:443, timeout=PT20S]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"twilio://", "twilio://" + SID + ":" + TOKEN + "@+15017122661",
            "twilio://" + SID + ":" + TOKEN + "@+15017122661/", "twilio://" + SID + "@+15017122661/+15558675310",
            "twilio://" + TOKEN + "/+15558675310", "twilio://:" + TOKEN + "@+15017122661/+15558675310",
            "twilio://" + SID + ":" + TOKEN + "@+15017122661/+15558675310?voice=alice",
            "twilio://" + SID + ":" + TOKEN + "%zz@+15017122661/+15558675310"})
    void refusesAUrlOfAnotherFormWithoutQuotingIt(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.settingsOf(url))
                .withMessageStartingWith("expected a URL of the form twilio://SID:TOKEN@FROM/TO[/TO...][?mode=call&ack-url=...&timeout=10s]")
                .withMessageNotContaining(TOKEN).withMessageNotContaining(SID);
    }

    @Test
    void textsByDefault() {
        TwilioSettings settings = TwilioSettings.from(settings(Map.of()));

        assertThat(settings.mode()).isEqualTo(TwilioMode.SMS);
        assertThat(settings.resourceUrl()).hasToString("https://api.twilio.com/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(settings.to()).containsExactly("+15558675310");
    }

    @Test
    void keepsTheSidTheTokenTheAcknowledgementUrlAndTheNumbersOutOfEveryToString() {
        NotifierSettings settings = settings(Map.of("mode", "call", "ack-url", "https://ack.example.com/t?k=" + ACK_TOKEN));

        assertThat(String.join("\n", settings.toString(), TwilioSettings.from(settings).toString(),
                provider.create(settings).toString(), provider.toString()))
                .doesNotContain(SID, TOKEN, ACK_TOKEN, "ack.example.com", "+1555", "+1501");
    }

    @Test
    void requiresTheCredentialsAndTheNumbers() {
        for (String key : new String[] {"account-sid", "auth-token", "from", "to"}) {
            Map<String, String> values = new HashMap<>(settings(Map.of()).keys().stream()
                    .collect(java.util.stream.Collectors.toMap(k -> k, k -> settings(Map.of()).get(k).orElseThrow())));
            values.remove(key);
            assertThatIllegalArgumentException().isThrownBy(() -> provider.create(NotifierSettings.of("phone", values)))
                    .withMessage("channel 'phone': setting '" + key + "' is required");
        }
    }

    @Test
    void refusesAnAccountSidThatIsNotLettersAndDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("account-sid", SID + "/../x"))))
                .withMessage("channel 'phone': setting 'account-sid' must be letters and digits, as Twilio's account SIDs (AC…) are");
    }

    @Test
    void refusesAnEmptyRecipient() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("to", "+15558675310,,+1555"))))
                .withMessage("channel 'phone': setting 'to' must list phone numbers separated by commas, none of them empty");
    }

    @Test
    void refusesAnUnknownMode() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("mode", "fax"))))
                .withMessage("channel 'phone': setting 'mode' must be call or sms");
    }

    @Test
    void refusesAnAcknowledgementUrlForTexts() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("ack-url", "https://ack.example.com/t"))))
                .withMessage("channel 'phone': setting 'ack-url' applies only to calls: set mode to call, or remove it");
    }

    @Test
    void refusesAnAcknowledgementUrlThatIsNotHttpOrTooLong() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("mode", "call", "ack-url", "ack.example.com/" + ACK_TOKEN))))
                .withMessage("channel 'phone': setting 'ack-url' must be an absolute http or https URL");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> provider.create(settings(Map.of("mode", "call", "ack-url", "https://a.example.com/?" + "a=1&".repeat(450)))))
                .withMessage("channel 'phone': setting 'ack-url' is too long to fit in a call's TwiML with the message");
    }

    @Test
    void refusesAnUnknownSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> provider.create(settings(Map.of("voice", "alice"))))
                .withMessage("channel 'phone': unknown setting 'voice' for a twilio channel; known settings: "
                        + "[account-sid, ack-url, api-url, auth-token, from, mode, timeout, to]");
    }

    private static NotifierSettings settings(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.putIfAbsent("account-sid", SID);
        values.putIfAbsent("auth-token", TOKEN);
        values.putIfAbsent("from", "+15017122661");
        values.putIfAbsent("to", "+15558675310");
        return NotifierSettings.of("phone", values);
    }
}
