/**
 * Output sizes per model family, used to turn fal's size inputs into pixels for megapixel and token
 * pricing. Only the FLUX presets and the Seedance table change a price; the Nano Banana table is for
 * display (that model is priced per image).
 */

/** Width × height in pixels (positive integers). */
export interface PixelSize {
  width: number;
  height: number;
}

/**
 * fal's FLUX `image_size` presets (fal FLUX schemas): square_hd 1024×1024, square 512×512, portrait_4_3
 * 768×1024, portrait_16_9 576×1024, landscape_4_3 1024×768, landscape_16_9 1024×576.
 */
export const FLUX_IMAGE_SIZE_PRESETS: Readonly<Record<string, PixelSize>> = {
  square_hd: { width: 1024, height: 1024 },
  square: { width: 512, height: 512 },
  portrait_4_3: { width: 768, height: 1024 },
  portrait_16_9: { width: 576, height: 1024 },
  landscape_4_3: { width: 1024, height: 768 },
  landscape_16_9: { width: 1024, height: 576 },
};

/** The largest FLUX preset by pixel count: the "up to" size when image_size has no default. */
export const LARGEST_FLUX_PRESET: PixelSize = { width: 1024, height: 1024 };

/**
 * Seedance 1.0 output sizes by resolution and aspect ratio (ByteDance's table, as mirrored by third-party
 * hosts). fal's per-second rates equal the token formula at 16:9; other ratios are priced by these pixels.
 */
export const SEEDANCE_VIDEO_SIZES: Readonly<Record<string, Readonly<Record<string, PixelSize>>>> = {
  '480p': {
    '16:9': { width: 864, height: 480 },
    '4:3': { width: 736, height: 544 },
    '1:1': { width: 640, height: 640 },
    '3:4': { width: 544, height: 736 },
    '9:16': { width: 480, height: 864 },
    '21:9': { width: 960, height: 416 },
  },
  '720p': {
    '16:9': { width: 1248, height: 704 },
    '4:3': { width: 1120, height: 832 },
    '1:1': { width: 960, height: 960 },
    '3:4': { width: 832, height: 1120 },
    '9:16': { width: 704, height: 1248 },
    '21:9': { width: 1504, height: 640 },
  },
  '1080p': {
    '16:9': { width: 1920, height: 1088 },
    '4:3': { width: 1664, height: 1248 },
    '1:1': { width: 1440, height: 1440 },
    '3:4': { width: 1248, height: 1664 },
    '9:16': { width: 1088, height: 1920 },
    '21:9': { width: 2176, height: 928 },
  },
};

/**
 * Nano Banana (Gemini image) sizes at 1K by aspect ratio; 0.5K halves, 2K doubles and 4K quadruples each
 * side. Display only: the price is per image with a resolution multiplier.
 */
export const NANO_BANANA_1K_SIZES: Readonly<Record<string, PixelSize>> = {
  '1:1': { width: 1024, height: 1024 },
  '2:3': { width: 848, height: 1264 },
  '3:2': { width: 1264, height: 848 },
  '3:4': { width: 896, height: 1200 },
  '4:3': { width: 1200, height: 896 },
  '4:5': { width: 928, height: 1152 },
  '5:4': { width: 1152, height: 928 },
  '9:16': { width: 768, height: 1376 },
  '16:9': { width: 1376, height: 768 },
  '21:9': { width: 1584, height: 672 },
};

const NANO_BANANA_SCALE: Readonly<Record<string, number>> = { '0.5K': 0.5, '1K': 1, '2K': 2, '4K': 4 };

function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** Reads an `image_size` input: a FLUX preset name or `{width, height}`; null when neither. */
export function imageSizeOf(value: unknown): PixelSize | null {
  if (typeof value === 'string') return FLUX_IMAGE_SIZE_PRESETS[value] ?? null;
  if (typeof value !== 'object' || value === null) return null;
  const { width, height } = value as { width?: unknown; height?: unknown };
  return isPositiveInt(width) && isPositiveInt(height) ? { width, height } : null;
}

/** Nano Banana output size for a resolution ("0.5K".."4K") and aspect ratio; null when unknown ("auto"). */
export function nanoBananaSize(resolution: string, aspectRatio: string): PixelSize | null {
  const scale = NANO_BANANA_SCALE[resolution];
  const base = NANO_BANANA_1K_SIZES[aspectRatio];
  if (scale === undefined || base === undefined) return null;
  return { width: Math.round(base.width * scale), height: Math.round(base.height * scale) };
}

/** Seedance 1.0 output size for a resolution and aspect ratio; null for "auto" or an unknown pair. */
export function seedanceVideoSize(resolution: string, aspectRatio: string): PixelSize | null {
  return SEEDANCE_VIDEO_SIZES[resolution]?.[aspectRatio] ?? null;
}
