/** More whole digits than this leave the fast path: nine keep micro-units far inside safe integers. */
const MAX_WHOLE_DIGITS = 9;
/** Micro-units hold six decimals; a longer fraction needs rounding, which the exact path does. */
const MAX_FRACTION_DIGITS = 6;

const DOT = 0x2e;
const PLUS = 0x2b;
const MINUS = 0x2d;
const MINUS_SIGN = 0x2212;

function digitAt(text: string, i: number): number {
  const code = text.charCodeAt(i) - 0x30;
  return code >= 0 && code <= 9 ? code : -1;
}

/**
 * The integer micro-units of a plain decimal (`12.50`, `-3`, `+0.000001`: an optional sign, one to
 * nine digits, optionally `.` and one to six digits), read with Number arithmetic because most
 * amounts in a file look like that; undefined for any other text, which parseDecimalToMicros reads
 * exactly with BigInt. Never -0.
 */
export function plainDecimalMicros(text: string): number | undefined {
  const first = text.charCodeAt(0);
  const negative = first === MINUS || first === MINUS_SIGN;
  let i = negative || first === PLUS ? 1 : 0;
  const wholeStart = i;
  let whole = 0;
  for (let d = digitAt(text, i); d >= 0; d = digitAt(text, ++i)) whole = whole * 10 + d;
  const wholeDigits = i - wholeStart;
  if (wholeDigits === 0 || wholeDigits > MAX_WHOLE_DIGITS) return undefined;
  let fraction = 0;
  if (i < text.length) {
    if (text.charCodeAt(i) !== DOT) return undefined;
    const fractionStart = ++i;
    let scale = 1_000_000;
    for (let d = digitAt(text, i); d >= 0; d = digitAt(text, ++i)) {
      if (i - fractionStart >= MAX_FRACTION_DIGITS) return undefined;
      scale /= 10;
      fraction += d * scale;
    }
    if (i === fractionStart || i < text.length) return undefined;
  }
  const micros = whole * 1_000_000 + fraction;
  return negative && micros !== 0 ? -micros : micros;
}
