/**
 * The engine's own small, strict JSON (RFC 8259), so that the engine needs no JSON library.
 * {@link io.ringwatch.engine.json.Json#write} turns maps, lists, strings, numbers, booleans
 * and {@code null} into one compact line; {@link io.ringwatch.engine.json.Json#parse} reads a
 * document back and throws a {@link io.ringwatch.engine.json.JsonException} naming what it
 * expected and where. Internal: this package is not exported, and its shape may change with
 * any release.
 */
package io.ringwatch.engine.json;
