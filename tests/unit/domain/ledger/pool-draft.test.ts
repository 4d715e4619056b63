import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_FX,
  draftOfPool,
  emptyPoolDraft,
  type Pool,
  readPoolDraft,
} from '../../../../src/domain/index.ts';

/** The pool form read into what a pool event records (issue 13: define and change pools). */

const draft = (overrides = {}) => ({
  ...emptyPoolDraft('SEK'),
  name: 'Runway plan',
  amount: '1 200,50',
  ...overrides,
});

describe('readPoolDraft', () => {
  test('reads a typed form into exact micro-units, trimmed names and deduplicated projects', () => {
    const read = readPoolDraft(
      draft({
        name: '  Runway   plan ',
        projects: ['Hero Film', 'hero film ', 'Social Cut'],
        from: '2026-03-01',
        to: '2026-03-31',
      }),
    );
    expect(read).toEqual({
      ok: true,
      body: {
        name: 'Runway plan',
        amountMicros: 1_200_500_000,
        currency: 'SEK',
        period: { from: '2026-03-01', to: '2026-03-31' },
        rule: { kind: 'even' },
        scope: { projects: ['Hero Film', 'Social Cut'] },
      },
    });
  });

  test('says per field what is wrong, and records nothing', () => {
    const read = readPoolDraft(draft({ name: ' ', amount: '12abc', from: '2026-02-30', to: '' }));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.name).toMatch(/Name the pool/);
    expect(read.problems.amount).toMatch(/"12abc" is not an amount/);
    expect(read.problems.from).toMatch(/not a day/);
    expect(readPoolDraft(draft({ amount: '0' }))).toMatchObject({
      ok: false,
      problems: { amount: /shares nothing/ },
    });
    expect(readPoolDraft(draft({ from: '2026-04-01', to: '2026-03-01' }))).toMatchObject({
      ok: false,
      problems: { to: 'The period ends before it starts.' },
    });
  });

  test('weights: needs the projects, a whole weight each, and one above 0; matched whatever the spelling', () => {
    expect(readPoolDraft(draft({ rule: 'weights' }))).toMatchObject({
      ok: false,
      problems: { projects: /Choose the projects/ },
    });
    const projects = ['Hero Film', 'Social Cut'];
    expect(
      readPoolDraft(draft({ rule: 'weights', projects, weights: { 'Hero Film': '2.5' } })),
    ).toMatchObject({
      ok: false,
      problems: { rule: /weight of Hero Film must be a whole number/ },
    });
    expect(
      readPoolDraft(draft({ rule: 'weights', projects, weights: { 'Hero Film': '0', 'Social Cut': '0' } })),
    ).toMatchObject({ ok: false, problems: { rule: /above 0/ } });
    const read = readPoolDraft(
      draft({ rule: 'weights', projects, weights: { 'hero film': ' 3 ', 'Social Cut': '1' } }),
    );
    expect(read.ok && read.body.rule).toEqual({
      kind: 'weights',
      weights: { 'Hero Film': 3, 'Social Cut': 1 },
    });
  });

  test('a pool read back through its form records the same pool (draftOfPool ∘ readPoolDraft)', () => {
    const arbPool = fc.record({
      name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,20}[A-Za-z0-9]$/).map((s) => s.replace(/\s+/g, ' ')),
      amountMicros: fc.integer({ min: -1e12, max: 1e12 }).filter((n) => n !== 0),
      currency: fc.constantFrom('USD' as const, 'EUR' as const, 'SEK' as const),
      from: fc.constantFrom('', '2026-01-01', '2026-02-28'),
      projects: fc.uniqueArray(fc.constantFrom('Hero Film', 'Social Cut', 'Teaser'), { maxLength: 3 }),
      kind: fc.constantFrom('even' as const, 'usage' as const, 'weights' as const),
      weight: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(arbPool, (p) => {
        const projects = p.kind === 'weights' && p.projects.length === 0 ? ['Hero Film'] : p.projects;
        const rule =
          p.kind === 'weights'
            ? {
                kind: 'weights' as const,
                weights: Object.fromEntries(projects.map((name) => [name, p.weight])),
              }
            : { kind: p.kind };
        const pool: Pool = {
          poolId: 'pool-1',
          name: p.name,
          amountMicros: p.amountMicros,
          currency: p.currency,
          period: { from: p.from, to: '2026-12-31' },
          rule,
          scope: { projects },
          fx: DEFAULT_FX,
          definedAt: '2026-01-01T00:00:00.000Z',
          changedAt: '2026-01-01T00:00:00.000Z',
        };
        expect(readPoolDraft(draftOfPool(pool))).toEqual({
          ok: true,
          body: {
            name: pool.name,
            amountMicros: pool.amountMicros,
            currency: pool.currency,
            period: pool.period,
            rule: pool.rule,
            scope: pool.scope,
          },
        });
      }),
      { numRuns: 300 },
    );
  });
});
