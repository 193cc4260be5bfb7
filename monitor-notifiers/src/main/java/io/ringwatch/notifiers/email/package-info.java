/**
 * The {@code email} channel: each notification is one plain-text UTF-8 mail, sent through an
 * SMTP server with Eclipse Angus Mail over STARTTLS or implicit TLS, with a subject that is the
 * headline and headers ({@code In-Reply-To}, {@code References}, {@code X-Ringwatch-Incident})
 * that let mail clients thread the messages of one incident.
 */
package io.ringwatch.notifiers.email;
