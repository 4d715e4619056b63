import type { MediaRef } from './generation-run.contract.ts';

/**
 * Finds the media files in a fal result: `images: [{url}]`, `image: {url}`, `video: {url}`,
 * `audio: {url}`, `audio_file: {url}` and the like (any top-level file object or list of them).
 */

function fileNameOf(url: string, fallback: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : fallback;
  } catch {
    return fallback;
  }
}

function asMedia(value: unknown, fallbackName: string): MediaRef | null {
  if (typeof value !== 'object' || value === null) return null;
  const file = value as { url?: unknown; file_name?: unknown; content_type?: unknown };
  if (typeof file.url !== 'string' || file.url.length === 0) return null;
  return {
    url: file.url,
    fileName:
      typeof file.file_name === 'string' && file.file_name
        ? file.file_name
        : fileNameOf(file.url, fallbackName),
    contentType: typeof file.content_type === 'string' ? file.content_type : null,
  };
}

/** The media files of a result, in fal's order; empty when the result has none. */
export function mediaOfResult(data: unknown): MediaRef[] {
  if (typeof data !== 'object' || data === null) return [];
  const media: MediaRef[] = [];
  for (const [key, value] of Object.entries(data)) {
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, index) => {
      const found = asMedia(item, `${key}-${index + 1}`);
      if (found) media.push(found);
    });
  }
  return media;
}
