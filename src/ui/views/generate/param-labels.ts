import type { CatalogModel, CatalogParam } from '../../../domain/index.ts';

/**
 * Words people read for catalog names: categories ("Text to video") and fal inputs ("Number of
 * images", "Audio"), and which inputs the form shows as their own control.
 */

const CATEGORY_LABELS: Record<string, string> = {
  'text-to-video': 'Text to video',
  'image-to-video': 'Image to video',
  'text-to-image': 'Text to image',
  'image-to-image': 'Image to image',
  'video-to-video': 'Video to video',
  'text-to-speech': 'Text to speech',
  audio: 'Audio',
};

/** A category as a heading ("Text to video"); unknown ones are spelt out from the id. */
export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? humanise(category);
}

const PARAM_LABELS: Record<string, string> = {
  num_images: 'Number of images',
  generate_audio: 'Audio',
  aspect_ratio: 'Aspect ratio',
  image_size: 'Image size',
  image_url: 'Image URL',
  image_urls: 'Image URLs',
  start_image_url: 'Start image URL',
  video_url: 'Video URL',
  enable_web_search: 'Web search',
  num_inference_steps: 'Inference steps',
  prompt_optimizer: 'Prompt optimiser',
};

/** "upscale_factor" → "Upscale factor"; "video-to-video" → "Video to video". */
function humanise(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label of a fal input ("Duration", "Number of images", "Audio"): the catalog's, else the panel's word. */
export function paramLabel(param: string | Pick<CatalogParam, 'name' | 'label'>): string {
  const { name, label } = typeof param === 'string' ? { name: param, label: undefined } : param;
  return label ?? PARAM_LABELS[name] ?? humanise(name);
}

/** The label of a typed-in number, with the catalog's unit: "Duration (s)", "Upscale factor (×)". */
export function numberLabel(param: Pick<CatalogParam, 'name' | 'label' | 'unit'>): string {
  return param.unit ? `${paramLabel(param)} (${param.unit})` : paramLabel(param);
}

const BARE_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * An input's value as people read it, e.g. in a run's details: a bare number with the catalog's unit
 * ("10 s", "2 ×"), a choice in words, a switch as On/Off. A value with its unit already ("8s") stays.
 */
export function paramValueText(param: CatalogParam | undefined, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  return param ? choiceLabel(param, text) : text;
}

// The text the Prompt box edits: TTS models read it as `text` (or `prompt`), and price by its length.
const PROMPT_PARAMS = ['prompt', 'text'];

/** The fal input the Prompt box also fills (TTS `text` / `prompt`), or null when fal takes `prompt` as is. */
export function promptParamOf(model: CatalogModel): string | null {
  const param = model.params.find(
    (p) => PROMPT_PARAMS.includes(p.name) && p.type === 'string' && p.enum === undefined,
  );
  return param?.name ?? null;
}

/** The inputs that get a control of their own: every catalog input except the one the Prompt box fills. */
export function controlledParams(model: CatalogModel): CatalogParam[] {
  const prompt = promptParamOf(model);
  return model.params.filter((p) => p.name !== prompt);
}

/** Words for a choice: "5" → "5 s" when the catalog gives seconds, "landscape_4_3" → "Landscape 4:3"; others as they are. */
export function choiceLabel(param: CatalogParam, value: string): string {
  if (param.unit && BARE_NUMBER.test(value)) return `${value} ${param.unit}`;
  // fal's size presets read as words: "landscape_4_3" → "Landscape 4:3", "square_hd" → "Square HD".
  const preset = /^([a-z]+)(?:_(hd))?(?:_(\d+)_(\d+))?$/.exec(value);
  if (preset && value.includes('_')) {
    const [, shape = '', hd, w, h] = preset;
    return [humanise(shape), hd ? 'HD' : '', w && h ? `${w}:${h}` : ''].filter(Boolean).join(' ');
  }
  return value;
}
