import type { Currency } from '../../domain/index.ts';

/** The columns an external-cost file can have; the first four are required. */
export const REQUIRED_FIELDS = ['date', 'description', 'amount', 'category'] as const;
export const OPTIONAL_FIELDS = ['currency', 'client', 'project', 'deliverable', 'tool'] as const;
export type ImportField = (typeof REQUIRED_FIELDS)[number] | (typeof OPTIONAL_FIELDS)[number];

/** Header names people's exports use, lower-cased with spaces collapsed (Midjourney, Runway, banks…). */
const ALIASES: Record<ImportField, readonly string[]> = {
  date: ['date', 'day', 'invoice date', 'billing date', 'transaction date', 'created', 'created at', 'datum'],
  description: ['description', 'details', 'item', 'memo', 'name', 'line item', 'note', 'notes'],
  amount: ['amount', 'cost', 'price', 'total', 'charge', 'sum', 'value', 'belopp', 'betrag'],
  category: ['category', 'service', 'type', 'kind', 'product'],
  currency: ['currency', 'curr', 'ccy', 'valuta', 'währung'],
  client: ['client', 'customer', 'kund'],
  project: ['project', 'job', 'projekt'],
  deliverable: ['deliverable', 'asset', 'shot'],
  tool: ['tool', 'vendor', 'provider', 'app', 'platform'],
};

const CURRENCY_IN_HEADER = /^(.*?)\s*[([]\s*(usd|eur|sek|\$|€|kr)\s*[)\]]$/;
const CURRENCY_OF: Readonly<Record<string, Currency>> = {
  usd: 'USD',
  $: 'USD',
  eur: 'EUR',
  '€': 'EUR',
  sek: 'SEK',
  kr: 'SEK',
};

/** The currency a code or symbol names (`usd`, `€`, `kr`…, any case); null when it names none. */
export function currencyNamed(text: string): Currency | null {
  return CURRENCY_OF[text.trim().toLowerCase()] ?? null;
}

/** Where each field is in the file's header, which required ones are missing, and a currency the header names. */
export interface HeaderMatch {
  index: Partial<Record<ImportField, number>>;
  missing: ImportField[];
  /** "Amount (USD)", "Cost [€]": the amounts' currency when the file has no currency column. */
  amountCurrency: Currency | null;
}

/** Matches a header row case-insensitively against the aliases; the first column to match a field wins. */
export function matchHeaders(header: readonly string[]): HeaderMatch {
  const index: Partial<Record<ImportField, number>> = {};
  let amountCurrency: Currency | null = null;
  header.forEach((raw, i) => {
    let name = raw
      .replace(/^\ufeff/, '')
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' ');
    const named = CURRENCY_IN_HEADER.exec(name);
    let currency: Currency | null = null;
    if (named) {
      name = named[1] ?? name;
      currency = currencyNamed(named[2] ?? '');
    }
    for (const field of [...REQUIRED_FIELDS, ...OPTIONAL_FIELDS]) {
      if (index[field] === undefined && ALIASES[field].includes(name)) {
        index[field] = i;
        if (field === 'amount') amountCurrency = currency;
        break;
      }
    }
  });
  const missing = REQUIRED_FIELDS.filter((field) => index[field] === undefined);
  return { index, missing, amountCurrency };
}
