import { describe, expect, test } from 'vitest';
import { foldLedger } from '../../../src/domain/index.ts';
import { dualPartnersFor } from '../../../src/ledger-view/index.ts';
import { resetBuilders, submitted } from '../../fixtures/ledger-builders.ts';

describe('dualPartnersFor', () => {
  test('each generation of a Dual Mode pair names the other’s model; one alone names none', () => {
    resetBuilders();
    const primary = submitted({ modelName: 'Veo 3.1', dual: { groupId: 'd1', slot: 'primary' } });
    const secondary = submitted({
      modelName: '',
      endpointId: 'fal-ai/kling',
      dual: { groupId: 'd1', slot: 'secondary' },
    });
    const lone = submitted({ dual: { groupId: 'd2', slot: 'primary' } });
    const plain = submitted();
    const state = foldLedger([primary, secondary, lone, plain]);
    const partners = dualPartnersFor(Object.values(state.generations));
    expect(partners.get(primary.genId)).toBe('fal-ai/kling');
    expect(partners.get(secondary.genId)).toBe('Veo 3.1');
    expect(partners.has(lone.genId)).toBe(false);
    expect(partners.has(plain.genId)).toBe(false);
  });

  test('in a group of three, each names the first other in ledger order', () => {
    resetBuilders();
    const [a, b, c] = ['A', 'B', 'C'].map((modelName) =>
      submitted({ modelName, dual: { groupId: 'd', slot: 'primary' } }),
    );
    const state = foldLedger([a!, b!, c!]);
    const partners = dualPartnersFor(Object.values(state.generations));
    expect([a, b, c].map((g) => partners.get(g!.genId))).toEqual(['B', 'A', 'A']);
  });
});
