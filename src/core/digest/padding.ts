/**
 * The end of a message as MD5 and SHA-256 both pad it (RFC 1321 §3.1–3.2, FIPS 180-4 §5.1.1): the bytes
 * after the last whole 64-byte block, a 0x80 byte, zeros, and the message length in bits as 64 bits, in
 * the algorithm's byte order. One or two blocks long.
 */
export function paddedTail(bytes: Uint8Array, littleEndian: boolean): Uint8Array {
  const whole = bytes.length - (bytes.length % 64);
  const rest = bytes.length - whole;
  const tail = new Uint8Array(rest < 56 ? 64 : 128);
  tail.set(bytes.subarray(whole));
  tail[rest] = 0x80;
  const bits = bytes.length * 8; // exact: far below 2^53 for any input Node can hold
  const view = new DataView(tail.buffer);
  const low = bits >>> 0;
  const high = Math.floor(bits / 2 ** 32);
  if (littleEndian) {
    view.setUint32(tail.length - 8, low, true);
    view.setUint32(tail.length - 4, high, true);
  } else {
    view.setUint32(tail.length - 8, high, false);
    view.setUint32(tail.length - 4, low, false);
  }
  return tail;
}

/** Calls `compress` on each whole 64-byte block of the message, then on each block of its padded tail. */
export function eachBlock(
  bytes: Uint8Array,
  littleEndian: boolean,
  compress: (block: Uint8Array, offset: number) => void,
): void {
  const whole = bytes.length - (bytes.length % 64);
  for (let offset = 0; offset < whole; offset += 64) compress(bytes, offset);
  const tail = paddedTail(bytes, littleEndian);
  for (let offset = 0; offset < tail.length; offset += 64) compress(tail, offset);
}
