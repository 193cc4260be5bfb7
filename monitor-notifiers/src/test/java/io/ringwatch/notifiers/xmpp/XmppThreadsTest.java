package io.ringwatch.notifiers.xmpp;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithLongestValues;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class XmppThreadsTest {
    private static final String KEY = "n3/orders-api@2031-02-03T04:05:06.789Z";

    @Test
    void givesEveryMessageOfAnIncidentOneThreadNamingItsKey() {
        String thread = XmppThreads.of(sampleAlert().incidentKey());

        assertThat(XmppThreads.of(sampleRecovery().incidentKey())).isEqualTo(thread);
        assertThat(XmppThreads.of(sampleWithLongestValues().incidentKey())).isNotEqualTo(thread);
        assertThat(XmppThreads.of(KEY)).isEqualTo("ringwatch-incident-bjMvb3JkZXJzLWFwaUAyMDMxLTAyLTAzVDA0OjA1OjA2Ljc4OVo");
    }

    @Test
    void readsTheIncidentBackFromAnyThreadItWrites() {
        for (String key : new String[] {KEY, sampleWithLongestValues().incidentKey(), "n3/Grüße 日本語 🚨@x", "a", "ab", "abc"}) {
            assertThat(XmppThreads.incidentOf(XmppThreads.of(key))).as(key).contains(key);
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "",
        "38acaa5f-e8b7-3a5e-80bf-014ff6065bf8", // a UUID, as clients (and earlier versions) make
        "ringwatch-incident-",
        "Ringwatch-incident-bjM",
        "ringwatch-incident-bjM=", // padded
        "ringwatch-incident-bjN", // stray bits in the last character
        "ringwatch-incident-bj M",
        "ringwatch-incident-bj+M", // base64, not base64url
        "ringwatch-incident-_w", // 0xFF: not UTF-8
        "ringwatch-incident-ICAg", // blanks only
        "ringwatch-incident-IG4z", // " n3": a blank around the key
        "ringwatch-incident-bjMKYWNr", // "n3\nack": a control character
    })
    void readsNothingFromAThreadItDoesNotWrite(String thread) {
        assertThat(XmppThreads.incidentOf(thread)).isEmpty();
    }
}
