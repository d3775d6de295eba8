package io.tightbeam.connection;

import java.time.Duration;
import java.util.Map;

/**
 * Where and how to reach one host, already resolved from inventory variables, settings and flags.
 * {@code type} is Ansible's connection name ({@code local}, {@code ssh}). {@code options} holds the
 * rest by Ansible variable name ({@code ansible_ssh_private_key_file}, {@code ansible_password},
 * {@code ansible_ssh_common_args}, {@code host_key_checking}...).
 */
public record Endpoint(
    String inventoryName,
    String type,
    String address,
    int port,
    String user,
    Duration connectTimeout,
    Map<String, String> options) {}
