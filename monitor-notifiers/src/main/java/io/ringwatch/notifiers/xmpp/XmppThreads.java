package io.ringwatch.notifiers.xmpp;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code <thread>} (XEP-0201) of an incident's messages, and the incident read back from it.
 * The thread is {@value #PREFIX} and the incident key's UTF-8 in unpadded base64url: the same for
 * the incident's alert, reminders and recovery, on every node and after a restart, and readable
 * by any node, so that a reply in that thread reaches its incident whichever node, sharing the
 * bot's account, takes it. Clients treat it as opaque, as RFC 6121 asks; the key is in the body
 * too. Only threads of exactly that form are read back: another prefix, a character outside
 * base64url, padding, non-canonical base64, bytes that are not UTF-8, or a key that is blank, has
 * blanks around it or holds a control character, give nothing. Stateless.
 */
final class XmppThreads {
    /** How every thread of an incident starts. */
    static final String PREFIX = "ringwatch-incident-";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private XmppThreads() {
    }

    /** The thread of the incident {@code incidentKey}: {@code ringwatch-incident-bjMvb3JkZXJz…}. */
    static String of(String incidentKey) {
        return PREFIX + ENCODER.encodeToString(incidentKey.getBytes(UTF_8));
    }

    /** The incident whose thread {@code thread} is; empty if it is null or not of the form {@link #of} writes. */
    static Optional<String> incidentOf(String thread) {
        if (thread == null || !thread.startsWith(PREFIX) || thread.length() == PREFIX.length()) {
            return Optional.empty();
        }
        String encoded = thread.substring(PREFIX.length());
        if (!encoded.chars().allMatch(XmppThreads::isBase64Url)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!ENCODER.encodeToString(bytes).equals(encoded)) {
            return Optional.empty(); // stray bits in the last character: not what of() writes
        }
        String key;
        try {
            key = UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
        boolean plausible = !key.isBlank() && key.strip().equals(key) && key.chars().noneMatch(Character::isISOControl);
        return plausible ? Optional.of(key) : Optional.empty();
    }

    private static boolean isBase64Url(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
