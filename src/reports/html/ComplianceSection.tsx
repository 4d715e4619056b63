/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The pragmas: the backend and CLI run under tsx, which compiles JSX without the tsconfig's runtime.
import type { Licence } from '../../domain/index.ts';
import type { Compliance } from './report-data-types.ts';
import { formatCount, LICENCE_TEXT, percent } from './report-format.ts';

const LICENCES: readonly Licence[] = ['commercial', 'research', 'private', 'unknown'];

/**
 * The compliance badge (share of generations made with commercially licensed models) and the licence
 * of every model used, as recorded with each generation; with the note that none of it is legal advice.
 */
export function ComplianceSection({ compliance }: { compliance: Compliance }) {
  const { generations, byLicence } = compliance;
  const all = generations > 0 && byLicence.commercial === generations;
  return (
    <section aria-labelledby="compliance">
      <h2 id="compliance">Licences</h2>
      <p>
        <span className={`badge ${all ? 'ok' : 'warn'}`} data-badge="commercial-share">
          {percent(byLicence.commercial, generations)} commercial
        </span>{' '}
        {formatCount(byLicence.commercial)} of {formatCount(generations)} generations were made with
        commercially licensed models.
      </p>
      <table>
        <thead>
          <tr>
            {LICENCES.map((licence) => (
              <th key={licence} className="n">
                {LICENCE_TEXT[licence]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {LICENCES.map((licence) => (
              <td key={licence} className="n" data-licence={licence}>
                {formatCount(byLicence[licence])}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {compliance.models.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Model</th>
              <th>Licence</th>
              <th className="n">Generations</th>
            </tr>
          </thead>
          <tbody>
            {compliance.models.map((m) => (
              <tr key={`${m.licence}|${m.model}`}>
                <td>{m.model}</td>
                <td>{LICENCE_TEXT[m.licence]}</td>
                <td className="n">{formatCount(m.generations)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="note">
        Licence status is what the model catalog said when each generation ran. This is not legal advice:
        check each model’s licence terms before delivering work made with it.
      </p>
    </section>
  );
}
