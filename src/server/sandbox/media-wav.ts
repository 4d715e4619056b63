import { ascii, concatBytes } from './media-bytes.ts';

/** Sample rate of the sandbox's WAV files (Hz): low, to keep them tiny. */
export const WAV_SAMPLE_RATE = 8000;

/**
 * Encodes a valid mono 16-bit PCM WAV holding a soft sine tone; `seconds` is clamped to 0.1..3 so the
 * file stays small (at most 48 KB).
 */
export function makeWav(seconds: number, frequencyHz = 440): Uint8Array<ArrayBuffer> {
  const clamped = Math.min(3, Math.max(0.1, Number.isFinite(seconds) ? seconds : 1));
  const samples = Math.round(clamped * WAV_SAMPLE_RATE);
  const pcm = new Uint8Array(samples * 2);
  const view = new DataView(pcm.buffer);
  for (let i = 0; i < samples; i++) {
    const value = Math.round(Math.sin((2 * Math.PI * frequencyHz * i) / WAV_SAMPLE_RATE) * 6000);
    view.setInt16(i * 2, value, true);
  }
  const header = new Uint8Array(44);
  const h = new DataView(header.buffer);
  header.set(ascii('RIFF'), 0);
  h.setUint32(4, 36 + pcm.length, true);
  header.set(ascii('WAVEfmt '), 8);
  h.setUint32(16, 16, true); // fmt chunk size
  h.setUint16(20, 1, true); // PCM
  h.setUint16(22, 1, true); // mono
  h.setUint32(24, WAV_SAMPLE_RATE, true);
  h.setUint32(28, WAV_SAMPLE_RATE * 2, true); // byte rate
  h.setUint16(32, 2, true); // block align
  h.setUint16(34, 16, true); // bits per sample
  header.set(ascii('data'), 36);
  h.setUint32(40, pcm.length, true);
  return concatBytes([header, pcm]);
}
