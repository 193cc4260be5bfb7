/**
 * The {@code ntfy} channel: publishes each notification to one ntfy topic (ntfy.sh or a server
 * of your own), or to a contact's own topic on that server, with a title, a priority from its
 * severity and tags. Configured with settings or as {@code ntfys://host/topic}; see
 * {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.ntfy;
