import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { knownTagsOf, mergeKnownTags, projectsForClient, type Tags } from '../../../../src/domain/index.ts';

// Few names in several spellings, so the same tag recurs with other cases and spaces.
const name = fc.constantFrom(
  '',
  'Acme',
  'acme',
  ' ACME ',
  'Globex',
  'Hero Film',
  'hero  film',
  'Launch',
  'BTS',
);
const tagsArb: fc.Arbitrary<Tags> = fc.record({ client: name, project: name, deliverable: name });

describe('known tags: projects per client', () => {
  test('merging the tags of two ledgers equals the tags of both in order (first spelling kept)', () => {
    fc.assert(
      fc.property(fc.array(tagsArb), fc.array(tagsArb), (a, b) => {
        expect(mergeKnownTags(knownTagsOf(a, []), knownTagsOf(b, []))).toEqual(knownTagsOf([...a, ...b], []));
      }),
    );
  });

  test("a client's projects are exactly the projects seen with it, spelled as the project list", () => {
    fc.assert(
      fc.property(fc.array(tagsArb), (tagged) => {
        const known = knownTagsOf(tagged, ['Pooled']);
        for (const client of known.clients) {
          const key = client.trim().replace(/\s+/g, ' ').toLowerCase();
          const expected = new Set(
            tagged
              .filter(
                (t) => t.client.trim().replace(/\s+/g, ' ').toLowerCase() === key && t.project.trim() !== '',
              )
              .map((t) => t.project.trim().replace(/\s+/g, ' ').toLowerCase()),
          );
          const got = known.projectsByClient?.[key] ?? [];
          expect(new Set(got.map((p) => p.toLowerCase()))).toEqual(expected);
          expect(got.every((p) => known.projects.includes(p))).toBe(true);
        }
      }),
    );
  });

  test('the picker narrows to a known client, and offers everything for none or a new one', () => {
    const known = knownTagsOf(
      [
        { client: 'Acme', project: 'Hero Film', deliverable: '' },
        { client: 'globex', project: 'Launch', deliverable: '' },
        { client: '', project: 'BTS', deliverable: '' },
      ],
      [],
    );
    expect(projectsForClient(known, ' GLOBEX ')).toEqual(['Launch']);
    expect(projectsForClient(known, '')).toEqual(['BTS', 'Hero Film', 'Launch']);
    expect(projectsForClient(known, 'Initech')).toEqual(['BTS', 'Hero Film', 'Launch']);
    // A summary cached before projectsByClient existed still offers every project.
    const { projectsByClient: _, ...old } = known;
    expect(projectsForClient(old, 'Acme')).toEqual(['BTS', 'Hero Film', 'Launch']);
  });
});
