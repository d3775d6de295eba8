/**
 * Python's view of Java values, in one place for every package: truthiness, {@code str}/{@code
 * repr}, type names, equality and ordering across number types. Values are {@code null} (None),
 * Boolean, Integer/Long/BigInteger (int), Double (float), String, List (list and tuple), Map
 * (dict). Depends on nothing of ours.
 */
package io.tightbeam.py;
