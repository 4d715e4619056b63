import type { SummaryQuery } from '../../contract/index.ts';
import { amountIn } from '../../domain/index.ts';
import { everyRow, type LedgerView } from '../../ledger-view/index.ts';
import type {
  CostReportData,
  ExternalLine,
  GenerationLine,
  PoolLine,
  ReportContent,
  ReportFilters,
} from './report-data-types.ts';
import { complianceOf, overTimeOf, RatesTally } from './report-figures.ts';
import { reportHash } from './report-hash.ts';
import { comparePoolLines, externalLine, generationLine, poolLine } from './report-lines.ts';

/** The report's title. */
export const REPORT_TITLE = 'AI cost report';

const filtersOf = (query: SummaryQuery): ReportFilters => ({
  client: query.client ?? null,
  project: query.project ?? null,
  deliverable: query.deliverable ?? null,
  from: query.from ?? null,
  to: query.to ?? null,
});

/**
 * The HTML report's data for a filter in a display currency, gathered from the read model's own
 * answers: the KPIs and breakdowns are `view.summary(query)`, the rows are `everyRow(view, query)`
 * (each amount at the rates stored with it, as the totals are). Pure apart from reading the view;
 * `now` is only the generated-at time, which the hash leaves out.
 */
export function reportData(view: LedgerView, query: SummaryQuery, now: Date): CostReportData {
  const summary = view.summary(query);
  const amountOf = amountIn(query.currency);
  const rates = new RatesTally(query.currency);
  const generations: GenerationLine[] = [];
  const externals: ExternalLine[] = [];
  const pools: PoolLine[] = [];
  for (const row of everyRow(view, query)) {
    rates.add(row.item);
    if (row.kind === 'internal') generations.push(generationLine(row.item, row.generation, amountOf));
    else if (row.kind === 'external') externals.push(externalLine(row.item, row.external, amountOf));
    else pools.push(poolLine(row.item, row.pool, amountOf));
  }
  const content: ReportContent = {
    title: REPORT_TITLE,
    filters: filtersOf(query),
    currency: query.currency,
    rates: rates.read(),
    totals: summary.totals,
    byModel: summary.breakdowns.model,
    byDeliverable: summary.breakdowns.deliverable,
    overTime: overTimeOf(summary.breakdowns.day),
    generations,
    externals,
    pools: pools.sort(comparePoolLines),
    compliance: complianceOf(generations),
  };
  return { ...content, generatedAt: now.toISOString(), hash: reportHash(content) };
}
