package io.tightbeam.playbook;

/** A problem in one play, block or task; the reader records it with the item's position. */
final class BadInput extends RuntimeException {
  BadInput(String message) {
    super(message, null, false, false);
  }
}
