/** Reads a PNG's signature and IHDR chunk: what a decoder checks first. */
export function pngHeader(bytes: Uint8Array): { width: number; height: number } {
  const buffer = Buffer.from(bytes);
  const signature = buffer.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a') throw new Error(`not a PNG: ${signature}`);
  if (buffer.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('no IHDR chunk first');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}
