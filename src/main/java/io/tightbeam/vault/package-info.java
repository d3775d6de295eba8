/**
 * Ansible Vault: the {@code $ANSIBLE_VAULT;1.1/1.2;AES256} envelope (PBKDF2-HMAC-SHA256, AES-256-CTR,
 * HMAC-SHA256, hexlified), vault secrets and where they come from, and inline {@code !vault}
 * values. Depends on nothing of ours.
 */
package io.tightbeam.vault;
