package io.ringwatch.notifiers.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChannelUrlTest {

    @Test
    void takesATokenUrlApartWithoutChokingOnItsCharacters() {
        ChannelUrl url = ChannelUrl.parse("TGram://123456:ABC-def_ghi/-1001234/5?silent=yes&a=b%20c", "tgram://TOKEN/CHAT_ID");

        assertThat(url.scheme()).isEqualTo("tgram");
        assertThat(url.authority()).isEqualTo("123456:ABC-def_ghi");
        assertThat(url.path()).isEqualTo("/-1001234/5");
        assertThat(url.pathParts()).containsExactly("-1001234", "5");
        assertThat(url.parameter("silent")).contains("yes");
        assertThat(url.parameter("a")).contains("b c");
        assertThat(url.queryWithout("silent")).isEqualTo("a=b+c");
    }

    @Test
    void keepsAPlusAsAPlus() {
        assertThat(ChannelUrl.parse("x://h/p?k=a+b", "x://h").parameter("k")).contains("a+b");
    }

    @Test
    void errorsSayTheFormAndNeverQuoteTheUrl() {
        for (String bad : new String[] {"no-scheme-secret", "tgram://", "tgram:///only-a-path-secret", "tgram://t/p?k=%zz-secret"}) {
            assertThatThrownBy(() -> ChannelUrl.parse(bad, "tgram://TOKEN/CHAT_ID"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("secret");
        }
        assertThatThrownBy(() -> ChannelUrl.parse("tgram://", "tgram://TOKEN/CHAT_ID"))
                .hasMessage("expected a URL of the form tgram://TOKEN/CHAT_ID");
    }

    @Test
    void showsNoSecretPart() {
        assertThat(ChannelUrl.parse("tgram://123:token-secret/chat?k=v", "f").toString())
                .isEqualTo("ChannelUrl[tgram://…, parameters [k]]");
    }

    @Test
    void decodesALoginPartKeepingAPlusAndNeverQuotingAMalformedOne() {
        assertThat(ChannelUrl.decode("p%40ss+w%3Ard", "malformed")).isEqualTo("p@ss+w:rd");
        assertThatThrownBy(() -> ChannelUrl.decode("s3cret%zz", "the password has a malformed %-escape"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the password has a malformed %-escape");
    }

    @Test
    void quotesAParameterNameOnlyWhenItLooksLikeOne() {
        assertThat(ChannelUrl.quotedKey("priority")).isEqualTo("'priority'");
        assertThat(ChannelUrl.quotedKey("xoxb-1234-secret")).isEqualTo("a parameter of another form");
    }
}
