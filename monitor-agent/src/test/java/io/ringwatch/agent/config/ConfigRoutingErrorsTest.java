package io.ringwatch.agent.config;

import static io.ringwatch.agent.config.Yaml.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines 1-9 are {@link Yaml#ONE_NODE} and {@link ConfigRoutingTest#CHANNELS}: the sections under test start on line 10. */
class ConfigRoutingErrorsTest {
    private static final String HEAD = Yaml.ONE_NODE + ConfigRoutingTest.CHANNELS;

    @Test
    void suggestsTheRoutingKeyForATypo() {
        List<ConfigError> errors = errors(HEAD + """
                on_call: {}
                contact: []
                """);

        assertThat(errors).extracting(ConfigError::line, ConfigError::key).containsExactly(
                tuple(10, "on_call"), tuple(11, "contact"));
        assertThat(errors.get(0).message()).startsWith("unknown key; did you mean 'on-call'? allowed keys here: ");
        assertThat(errors.get(1).message()).startsWith("unknown key; did you mean 'contacts'? allowed keys here: ");
    }

    @Test
    void contactNamesMustBeValidAndUnique() {
        assertThat(errors(HEAD + """
                contacts:
                  - name: "alice smith"
                    addresses: { phone: "+15550001111" }
                  - name: bob
                    addresses: { phone: "+15550002222" }
                  - name: bob
                    addresses: { phone: "+15550003333" }
                  - addresses: { phone: "+15550004444" }
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(11, "contacts[0].name", "expected a contact name: up to 80 letters, digits, '.', '_', '@' or '-',"
                        + " starting with a letter or digit, got \"alice smith\""),
                tuple(15, "contacts[2].name", "duplicate contact name 'bob', already used at contacts[1].name (line 13)"),
                tuple(17, "contacts[3].name", "missing required key: the contact's name, such as alice"));
    }

    @Test
    void addressesMustBeOnChannelsOfTheFileAndAreNeverShown() {
        assertThat(errors(HEAD + """
                contacts:
                  - name: alice
                    addresses:
                      ops-telgram: "123456789"
                      phone: [ "+15550001111" ]
                  - name: bob
                  - name: carol
                    addresses: {}
                    adresses: { phone: "+15550003333" }
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(13, "contacts[0].addresses.ops-telgram",
                        "no channel is named 'ops-telgram'; did you mean 'ops-telegram'? channels: ops-telegram, phone, team-chat"),
                tuple(14, "contacts[0].addresses.phone", "expected the contact's address on channel 'phone', got a list"),
                tuple(15, "contacts[1].addresses", "missing required key: the contact's address on each channel that reaches"
                        + " them, such as ops-telegram: \"123456789\""),
                tuple(17, "contacts[2].addresses", "needs at least one address: the contact's address on a channel, such as"
                        + " ops-telegram: \"123456789\""),
                tuple(18, "contacts[2].adresses", "unknown key; did you mean 'addresses'? allowed keys here: name, addresses,"
                        + " subscribe"));
    }

    @Test
    void anAddressWithALineBreakIsRefusedWithoutShowingIt() {
        assertThat(errors(HEAD + """
                contacts:
                  - name: alice
                    addresses: { phone: "+1555\\n0001111" }
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(12, "contacts[0].addresses.phone", "an address must be one line (value hidden)"));
    }

    @Test
    void subscriptionsNeedValidPatternsSeveritiesAndChannelsTheContactHasAnAddressOn() {
        assertThat(errors(HEAD + """
                contacts:
                  - name: alice
                    addresses: { ops-telegram: "123456789" }
                    subscribe:
                      - n3/orders api
                      - targets: "*"
                        min-severity: fatal
                      - targets: n3
                        via: [ops-telegram, phone, pager]
                      - targets: n3
                        min_severity: critical
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(14, "contacts[0].subscribe[0]", "expected a target pattern such as n3, n3/orders-api, n3/*,"
                        + " */orders-api, web-* or *, got \"n3/orders api\""),
                tuple(16, "contacts[0].subscribe[1].min-severity",
                        "expected one of information, warning, critical, got \"fatal\""),
                tuple(18, "contacts[0].subscribe[2].via[1]",
                        "contact alice has no address on channel 'phone'; alice has addresses on: ops-telegram"),
                tuple(18, "contacts[0].subscribe[2].via[2]",
                        "no channel is named 'pager'; channels: ops-telegram, phone, team-chat"),
                tuple(20, "contacts[0].subscribe[3].min_severity", "unknown key; did you mean 'min-severity'? allowed keys"
                        + " here: targets, min-severity, via"));
    }

    @Test
    void viaCannotChooseAStandby() {
        assertThat(errors(Yaml.ONE_NODE + """
                channels:
                  - { name: chat, provider: telegram, failover: backup }
                  - { name: backup, provider: telegram }
                contacts:
                  - name: alice
                    addresses: { chat: "1", backup: "2" }
                    subscribe: [{ targets: n1, via: backup }]
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(12, "contacts[0].subscribe[0].via", "channel 'backup' is a standby: it gets only what the channel"
                        + " it stands in for gives up, so it cannot be chosen here"));
    }

    @Test
    void everyContactNamedElsewhereMustExist() {
        assertThat(errors(HEAD + """
                contacts:
                  - { name: alice, addresses: { phone: "+15550001111" } }
                  - { name: bob, addresses: { phone: "+15550002222" } }
                on-call:
                  shifts:
                    - { from: monday 09:00, contact: alcie }
                  overrides:
                    - { from: 2026-12-24T00:00:00Z, until: 2026-12-27T00:00:00Z, contact: carol }
                escalation:
                  - { after: 10m, notify: oncall }
                  - { after: 20m, notify: bobby }
                mutes:
                  - { contact: dave, targets: n1, until: 2026-12-10T00:00:00Z }
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(15, "on-call.shifts[0].contact", "no contact is named 'alcie'; did you mean 'alice'? contacts: alice, bob"),
                tuple(17, "on-call.overrides[0].contact", "no contact is named 'carol'; contacts: alice, bob"),
                tuple(19, "escalation[0].notify", "no contact is named 'oncall'; did you mean 'on-call'? write on-call,"
                        + " next-on-call or a contact's name; contacts: alice, bob"),
                tuple(20, "escalation[1].notify", "no contact is named 'bobby'; did you mean 'bob'? write on-call,"
                        + " next-on-call or a contact's name; contacts: alice, bob"),
                tuple(22, "mutes[0].contact", "no contact is named 'dave'; contacts: alice, bob"));
    }

    @Test
    void aContactNamedWithoutAnyContactsSaysWhereToAddThem() {
        assertThat(errors(HEAD + """
                mutes:
                  - { contact: bob, targets: n1, until: 2026-12-10T00:00:00Z }
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(11, "mutes[0].contact", "no contact is named 'bob'; there are no contacts (add them under contacts)"));
    }

    @Test
    void rejectsBadShiftsZonesAndOverrides() {
        assertThat(errors(HEAD + """
                contacts:
                  - { name: alice, addresses: { phone: "+15550001111" } }
                on-call:
                  zone: Europe/Mars
                  shifts:
                    - { from: monday 9am, contact: alice }
                    - { from: funday 09:00, contact: alice }
                    - { from: tuesday 24:00, contact: alice }
                    - { from: wednesday 08:00, contact: alice }
                    - { from: Wed 8:00, contact: alice }
                  overrides:
                    - { from: 2026-12-27T00:00:00Z, until: 2026-12-24T00:00:00Z, contact: alice }
                    - { from: christmas, until: 2026-12-24T00:00:00Z, contact: alice }
                  override: []
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(13, "on-call.zone", "expected a time zone such as Europe/Berlin or UTC, got \"Europe/Mars\""),
                tuple(15, "on-call.shifts[0].from", "expected a weekday and a time such as monday 09:00, got \"monday 9am\""),
                tuple(16, "on-call.shifts[1].from", "expected a weekday and a time such as monday 09:00, got \"funday 09:00\""),
                tuple(17, "on-call.shifts[2].from", "expected a weekday and a time such as monday 09:00, got \"tuesday 24:00\""),
                tuple(19, "on-call.shifts[4].from", "another shift starts at the same time, at on-call.shifts[3].from (line 18)"),
                tuple(21, "on-call.overrides[0].until", "must be after from (line 21)"),
                tuple(22, "on-call.overrides[1].from", "expected a date and time such as 2026-12-01T22:00:00Z, got \"christmas\""),
                tuple(23, "on-call.override", "unknown key; did you mean 'overrides'? allowed keys here: zone, shifts, overrides"));
    }

    @Test
    void anOnCallSectionNeedsAShiftOrAnOverride() {
        assertThat(errors(HEAD + """
                on-call:
                  zone: UTC
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(11, "on-call", "needs at least one shift (shifts) or override (overrides)"));
    }

    @Test
    void escalationStepsNeedDistinctDelaysAndOnCallStepsAnOnCallSection() {
        assertThat(errors(HEAD + """
                contacts:
                  - { name: alice, addresses: { ops-telegram: "123456789" } }
                escalation:
                  - { after: 10m, notify: on-call }
                  - { after: 600s, notify: alice }
                  - { after: 30, notify: next-on-call, via: phone }
                  - { after: 1h, notify: alice, via: [phone] }
                  - { notify: alice }
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(13, "escalation[0].notify", "whoever is on call is known only from an on-call section: add one,"
                        + " or name a contact"),
                tuple(14, "escalation[1].after", "another step has the same delay, at escalation[0].after (line 13):"
                        + " give each step its own"),
                tuple(15, "escalation[2].after", "expected a duration such as 30s, 5m or 1h30m, got \"30\" (add a unit: 30s)"),
                tuple(15, "escalation[2].notify", "whoever is on call is known only from an on-call section: add one,"
                        + " or name a contact"),
                tuple(16, "escalation[3].via[0]",
                        "contact alice has no address on channel 'phone'; alice has addresses on: ops-telegram"),
                tuple(17, "escalation[4].after", "missing required key: how long after the alert, if nobody acknowledged,"
                        + " such as 10m"));
    }

    @Test
    void rejectsBadMutes() {
        assertThat(errors(HEAD + """
                contacts:
                  - { name: bob, addresses: { phone: "+15550002222" } }
                mutes:
                  - contact: bob
                    targets: "n3/"
                    until: next week
                  - { contact: bob, until: 2026-12-10T00:00:00Z, why: holiday }
                """)).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                tuple(14, "mutes[0].targets", "expected a target pattern such as n3, n3/orders-api, n3/*, */orders-api,"
                        + " web-* or *, got \"n3/\""),
                tuple(15, "mutes[0].until", "expected a date and time such as 2026-12-01T22:00:00Z, got \"next week\""),
                tuple(16, "mutes[1].why", "unknown key; allowed keys here: contact, targets, until, reason"),
                tuple(16, "mutes[1].targets", "missing required key: a target pattern such as n3, n3/orders-api, n3/*,"
                        + " */orders-api, web-* or *"));
    }

    @Test
    void addressesAreNotCheckedAgainstChannelsThatHadErrorsOfTheirOwn() {
        assertThat(errors(Yaml.ONE_NODE + """
                channels:
                  - { name: phone }
                contacts:
                  - { name: alice, addresses: { phone: "+15550001111" } }
                """)).extracting(ConfigError::line, ConfigError::key).containsExactly(tuple(7, "channels[0].provider"));
    }

    @Test
    void noErrorShowsAnAddress() {
        assertThat(errors(HEAD + """
                contacts:
                  - name: alice
                    addresses: { pager: "+15550001111", phone: "" }
                    subscribe: [{ targets: n1, via: pager }]
                """)).extracting(ConfigError::toString)
                .isNotEmpty()
                .noneMatch(line -> line.contains("+1555"));
    }
}
