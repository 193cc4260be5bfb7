/**
 * The agent's YAML config file: {@link io.ringwatch.agent.config.ConfigFile} reads it with
 * snakeyaml-engine's node tree, substitutes {@code ${ENV_VAR}} references, checks every key
 * and value against the schema documented in {@code docs/configuration.md}, and returns an
 * immutable {@link io.ringwatch.agent.config.AgentConfig} or throws a
 * {@link io.ringwatch.agent.config.ConfigException} listing every error found, each with the
 * file, the line and the dotted key path. Secret values and values that came from the
 * environment never appear in an error message or a {@code toString()}.
 */
package io.ringwatch.agent.config;
