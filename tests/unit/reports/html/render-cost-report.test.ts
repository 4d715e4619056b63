import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, test } from 'vitest';
import { type Currency, formatMoney } from '../../../../src/domain/index.ts';
import { createLedgerView } from '../../../../src/ledger-view/index.ts';
import {
  canonicalJson,
  MAX_FLAT_LOG_ROWS,
  REPORT_CSP,
  renderCostReport,
  reportData,
  reportHash,
} from '../../../../src/reports/html/index.ts';
import { generation, resetBuilders } from '../../../fixtures/ledger-builders.ts';
import { HOSTILE, reportLedger } from '../../../fixtures/reports/report-ledger.ts';

/** The report page as text: self-contained, inert, and showing the read model's figures exactly. */

const NOW = new Date('2026-12-07T12:30:05.000Z');

function render(events = reportLedger(), currency: Currency = 'USD') {
  const view = createLedgerView(events);
  return { html: renderCostReport(reportData(view, { currency }, NOW)), view };
}

/** The text of the element carrying `attribute` (the first one). */
function textOf(html: string, attribute: string): string | undefined {
  return new RegExp(`${attribute}[^>]*>([^<]*)<`).exec(html)?.[1];
}

beforeEach(() => resetBuilders());

describe('renderCostReport', () => {
  test('one document: doctype first, the CSP meta, inline styles with A4 print rules, no script', () => {
    const { html } = render();
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).toContain(
      '<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;; img-src data:"/>',
    );
    expect(html).toContain('@page{size:A4');
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).not.toMatch(/<script/i);
    // Nothing that loads anything (the ledger here has no user text that spells such words).
    const plain = render(generation({}, 10_000)).html;
    expect(plain).not.toMatch(/<link|<iframe|<object|<img|src=|href=|url\(/i);
  });

  test.each(['USD', 'EUR', 'SEK'] as const)('the KPIs read the domain totals (%s)', (currency) => {
    const { html, view } = render(reportLedger(), currency);
    const { totals } = view.summary({ currency });
    expect(textOf(html, 'data-kpi="internal"')).toBe(formatMoney(totals.internalUsdMicros, currency));
    expect(textOf(html, 'data-kpi="external"')).toBe(formatMoney(totals.externalUsdMicros, currency));
    expect(textOf(html, 'data-kpi="combined"')).toBe(formatMoney(totals.combinedUsdMicros, currency));
    expect(textOf(html, 'data-kpi="generations"')).toBe(String(totals.generationCount));
  });

  test('SEK amounts show one decimal', () => {
    const { html } = render(reportLedger(), 'SEK');
    expect(textOf(html, 'data-kpi="combined"')).toMatch(/^[\d,]+\.\d kr$/);
  });

  test('hostile tags and descriptions render as text: no script, no img, no svg handler', () => {
    const { html } = render();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<svg onload/i);
    expect(html).not.toContain('<b>top-up</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img onerror=alert(1) src=x&gt;');
    expect(html).toContain('Runway credits &lt;b&gt;top-up&lt;/b&gt;');
    expect(HOSTILE.client).toContain('<script>');
  });

  test(`up to ${MAX_FLAT_LOG_ROWS} generations: one table; above: one <details> per day`, () => {
    const runs = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        generation({ at: new Date(Date.UTC(2025, 10, 3 + (i % 4), 9, i % 60)).toISOString() }, 10_000),
      ).flat();
    const flat = render(runs(MAX_FLAT_LOG_ROWS)).html;
    expect(flat).not.toContain('<details');
    expect(flat).toContain(`Generation log (${MAX_FLAT_LOG_ROWS})`);
    const grouped = render(runs(MAX_FLAT_LOG_ROWS + 1)).html;
    const days = [...grouped.matchAll(/<details data-day="([\d-]+)"><summary>([^<]*)<\/summary>/g)];
    expect(days.map((d) => d[1])).toEqual(['2025-11-06', '2025-11-05', '2025-11-04', '2025-11-03']);
    expect(days[0]?.[2]).toBe('2025-11-06 · 125 generations · $1.25');
    expect(days[3]?.[2]).toBe('2025-11-03 · 126 generations · $1.26');
  });

  test('states the licence share with a not-legal-advice note, each pool’s method and the hash', () => {
    const { html } = render();
    expect(textOf(html, 'data-badge="commercial-share"')).toBe('25% commercial');
    expect(html).toContain('This is not legal advice');
    expect(textOf(html, 'data-method="usage"')).toBe('split by each project’s share of usage in the period');
    const hash = textOf(html, 'data-hash');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(html).toContain('SHA-256 of the canonical JSON');
  });

  test('the same data renders the same page apart from its generated-at', () => {
    const a = render().html;
    resetBuilders();
    const b = render().html;
    expect(b).toBe(a);
  });
});

describe('canonicalJson', () => {
  test('sorts keys at every level, keeps array order, drops undefined fields', () => {
    const value = { b: 1, a: [{ z: 1, y: { d: 2, c: [3, { f: null, e: 'x' }] } }], c: undefined };
    expect(canonicalJson(value)).toBe('{"a":[{"y":{"c":[3,{"e":"x","f":null}],"d":2},"z":1}],"b":1}');
    expect(canonicalJson({ y: 1, x: 2 })).toBe(canonicalJson({ x: 2, y: 1 }));
  });

  test('a report’s rows give the same text built in any key order', () => {
    const data = reportData(createLedgerView(reportLedger()), { currency: 'EUR' }, NOW);
    const reversed = (row: object) => Object.fromEntries(Object.entries(row).reverse());
    for (const rows of [data.generations, data.externals, data.pools] as object[][]) {
      expect(rows.length).toBeGreaterThan(0);
      expect(canonicalJson(rows.map(reversed))).toBe(canonicalJson(rows));
      expect(canonicalJson(rows)).toBe(JSON.stringify(rows));
    }
  });

  test('the hash, fed in pieces, is the SHA-256 of the whole canonical JSON', () => {
    const data = reportData(createLedgerView(reportLedger()), { currency: 'EUR' }, NOW);
    const { generatedAt: _at, hash: _hash, ...content } = data;
    const line = data.generations[0];
    expect(line).toBeDefined();
    // Over a thousand rows, some with their keys out of order and one with an undefined field.
    const generations = Array.from({ length: 2_345 }, (_, i) => {
      const row = { ...line, at: `${i}` };
      if (i === 1_500) return { ...row, unpriced: undefined };
      return i % 7 === 0 ? Object.fromEntries(Object.entries(row).reverse()) : row;
    }) as typeof data.generations;
    for (const value of [content, { ...content, generations }]) {
      const whole = createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
      expect(reportHash(value)).toBe(whole);
    }
  });
});
