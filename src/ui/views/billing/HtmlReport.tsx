import { Alert, Button, Code, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SummaryQuery } from '../../../contract/index.ts';
import { CURRENCIES, type Currency } from '../../../domain/index.ts';
import { selectCostFilter } from '../../../machines/billing/billing.selectors.ts';
import { selectKnownTags } from '../../../machines/billing/billing-query.selectors.ts';
import {
  selectIsChoosingReport,
  selectIsReportBusy,
  selectIsReportOpen,
  selectReportProblem,
  selectReportQuery,
  selectSavedReport,
} from '../../../machines/reports/html-report.selectors.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';
import { DateRangeFields } from '../../components/DateRangeFields/DateRangeFields.tsx';

type TagField = 'client' | 'project' | 'deliverable';
const TAGS: { field: TagField; label: string; known: 'clients' | 'projects' | 'deliverables' }[] = [
  { field: 'client', label: 'Client', known: 'clients' },
  { field: 'project', label: 'Project', known: 'projects' },
  { field: 'deliverable', label: 'Deliverable', known: 'deliverables' },
];

/** The query without the empty choices (an absent filter is "all"). */
function withoutEmpty(query: SummaryQuery): SummaryQuery {
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined && value !== ''),
  ) as SummaryQuery;
}

/** "HTML report": opens the dialog with what Billing shows (filter and currency) as the first choice. */
export function HtmlReportButton() {
  const report = usePanelActor('htmlReport');
  const billing = usePanelActor('billing');
  const open = () => {
    const snapshot = billing.getSnapshot();
    report.send({
      type: 'OPEN',
      query: { ...selectCostFilter(snapshot), currency: snapshot.context.currency },
    });
  };
  return (
    <Button size="xs" variant="default" onClick={open}>
      HTML report
    </Button>
  );
}

function ReportFilters({ start }: { start: SummaryQuery }) {
  const report = usePanelActor('htmlReport');
  const known = usePanelSelector('billingQuery', selectKnownTags);
  const [query, setQuery] = useState<SummaryQuery>(start);
  const set = (patch: Partial<SummaryQuery>) => setQuery((q) => ({ ...q, ...patch }));
  const badRange = Boolean(query.from && query.to && query.from > query.to);
  return (
    <form
      aria-label="Report filters"
      onSubmit={(e) => {
        e.preventDefault();
        if (!badRange) report.send({ type: 'CREATE', query: withoutEmpty(query) });
      }}
    >
      <Stack gap="xs">
        {TAGS.map(({ field, label, known: list }) => (
          <Select
            key={field}
            size="xs"
            label={label}
            placeholder="All"
            clearable
            searchable
            data={known[list]}
            value={query[field] ?? null}
            onChange={(value) => set({ [field]: value ?? undefined })}
          />
        ))}
        <DateRangeFields
          from={query.from ?? ''}
          to={query.to ?? ''}
          toError={badRange ? 'The range ends before it starts.' : undefined}
          onChange={({ from, to }) => set({ from: from || undefined, to: to || undefined })}
        />
        <Select
          size="xs"
          label="Currency"
          data={[...CURRENCIES]}
          value={query.currency}
          allowDeselect={false}
          onChange={(value) => value && set({ currency: value as Currency })}
        />
        <Group justify="flex-end" gap="xs">
          <Button size="xs" type="submit" disabled={badRange}>
            Create report
          </Button>
          <Button size="xs" variant="default" onClick={() => report.send({ type: 'CLOSE' })}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The report dialog: the filters (starting from Billing's), then the backend renders one
 * self-contained HTML file under the data dir's `reports/` and the dialog says where (a CEP panel
 * cannot download), or why not with Try again.
 */
export function HtmlReportDialog() {
  const report = usePanelActor('htmlReport');
  const open = usePanelSelector('htmlReport', selectIsReportOpen);
  const choosing = usePanelSelector('htmlReport', selectIsChoosingReport);
  const query = usePanelSelector('htmlReport', selectReportQuery);
  const busy = usePanelSelector('htmlReport', selectIsReportBusy);
  const saved = usePanelSelector('htmlReport', selectSavedReport);
  const problem = usePanelSelector('htmlReport', selectReportProblem);
  const close = () => report.send({ type: 'CLOSE' });
  return (
    <Modal opened={open} onClose={busy ? () => {} : close} title="HTML report" size="md">
      {choosing && query && <ReportFilters start={query} />}
      {busy && (
        <Text size="sm" role="status" aria-label="Making the report">
          Making the report…
        </Text>
      )}
      {saved && (
        <Stack gap="xs" role="status" aria-label="Report saved">
          <Text size="sm">
            Saved the report of {saved.rows} {saved.rows === 1 ? 'cost' : 'costs'} to{' '}
            <Code>{saved.path}</Code>. It opens in any browser, offline.
          </Text>
        </Stack>
      )}
      {problem && (
        <Alert role="alert" color="red" p="xs" title="The report was not made">
          <Text size="xs">{problem}</Text>
        </Alert>
      )}
      {(saved || problem) && (
        <Group justify="flex-end" gap="xs" mt="xs">
          {problem && (
            <Button size="xs" variant="light" onClick={() => report.send({ type: 'RETRY' })}>
              Try again
            </Button>
          )}
          <Button size="xs" variant="subtle" onClick={() => report.send({ type: 'EDIT' })}>
            Change filters
          </Button>
          <Button size="xs" variant="default" onClick={close}>
            Close
          </Button>
        </Group>
      )}
    </Modal>
  );
}
