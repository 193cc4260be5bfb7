/**
 * The {@code twilio} channel: phones people (a voice call whose TwiML reads the notification
 * out and, given an acknowledgement URL, lets the callee press 1 to acknowledge) or texts them
 * (SMS), through Twilio's Programmable Voice and Messaging REST API. Settings, channel URL and
 * what is said or sent are described in {@code docs/notifiers.md}.
 */
package io.ringwatch.notifiers.twilio;
