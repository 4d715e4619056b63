import { Alert, Button, Group, MultiSelect, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { CURRENCIES, type Currency, type PoolDraft, type PoolRuleKind } from '../../../domain/index.ts';
import { selectIsPoolsBusy, selectPoolsProblem } from '../../../machines/pools/pool-editor.selectors.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';
import { DateRangeFields } from '../../components/DateRangeFields/DateRangeFields.tsx';
import { useFxRates } from '../../hooks/fx-rates-context.ts';

const RULES: { value: PoolRuleKind; label: string; description: string }[] = [
  { value: 'even', label: 'Even split', description: 'Every project pays the same.' },
  {
    value: 'usage',
    label: 'By usage',
    description: 'In proportion to what each project spent on generations in the period.',
  },
  { value: 'weights', label: 'By weights', description: 'In proportion to a weight you give each project.' },
];

function WeightInputs({
  draft,
  onChange,
}: {
  draft: PoolDraft;
  onChange: (weights: PoolDraft['weights']) => void;
}) {
  if (draft.projects.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        Choose the projects above to give each a weight.
      </Text>
    );
  }
  return (
    <Group gap="xs" wrap="wrap">
      {draft.projects.map((project) => (
        <TextInput
          key={project}
          size="xs"
          w={120}
          label={`Weight of ${project}`}
          inputMode="numeric"
          value={draft.weights[project] ?? ''}
          onChange={(e) => onChange({ ...draft.weights, [project]: e.currentTarget.value })}
        />
      ))}
    </Group>
  );
}

/**
 * The pool form: what it typed stays as typed until Save; the machine checks it (readPoolDraft) and
 * shows the problems per field, or records it with today's rates.
 */
export function PoolForm({ projects }: { projects: string[] }) {
  const pools = usePanelActor('poolEditor');
  const saved = usePanelSelector('poolEditor', (s) => s.context.draft);
  const problems = usePanelSelector('poolEditor', (s) => s.context.problems);
  const isNew = usePanelSelector('poolEditor', (s) => s.context.editingId === null);
  const saving = usePanelSelector('poolEditor', (s) => s.matches('saving'));
  const busy = usePanelSelector('poolEditor', selectIsPoolsBusy);
  const problem = usePanelSelector('poolEditor', selectPoolsProblem);
  const fx = useFxRates();
  const [draft, setDraft] = useState<PoolDraft>(() => saved as PoolDraft);
  const set = (patch: Partial<PoolDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const choices = [...new Set([...projects, ...draft.projects])];
  return (
    <form
      aria-label={isNew ? 'New pool' : `Change ${saved?.name ?? 'pool'}`}
      onSubmit={(e) => {
        e.preventDefault();
        pools.send({ type: 'SAVE', draft, fx });
      }}
    >
      <Stack gap="xs">
        <TextInput
          size="xs"
          label="Name"
          value={draft.name}
          error={problems.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
        />
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            size="xs"
            label="Amount"
            inputMode="decimal"
            style={{ flex: 1 }}
            value={draft.amount}
            error={problems.amount}
            onChange={(e) => set({ amount: e.currentTarget.value })}
          />
          <Select
            size="xs"
            w={90}
            label="Currency"
            data={[...CURRENCIES]}
            value={draft.currency}
            allowDeselect={false}
            onChange={(value) => value && set({ currency: value as Currency })}
          />
        </Group>
        <DateRangeFields
          from={draft.from}
          to={draft.to}
          fromError={problems.from}
          toError={problems.to}
          onChange={(range) => set(range)}
        />
        <MultiSelect
          size="xs"
          label="Projects that share it"
          description="None chosen: every project with generations in the period."
          data={choices}
          value={draft.projects}
          searchable
          error={problems.projects}
          onChange={(value) => set({ projects: value })}
        />
        <Radio.Group
          size="xs"
          label="Split"
          value={draft.rule}
          error={problems.rule}
          onChange={(value) => set({ rule: value as PoolRuleKind })}
        >
          <Stack gap={4} mt={4}>
            {RULES.map((rule) => (
              <Radio key={rule.value} value={rule.value} label={rule.label} description={rule.description} />
            ))}
          </Stack>
        </Radio.Group>
        {draft.rule === 'weights' && <WeightInputs draft={draft} onChange={(weights) => set({ weights })} />}
        {problem && (
          <Alert role="alert" color="red" p="xs" title="The pool was not saved">
            <Text size="xs">{problem}</Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          {problem && (
            <Button size="xs" variant="light" onClick={() => pools.send({ type: 'RETRY' })}>
              Try again
            </Button>
          )}
          <Button size="xs" type="submit" loading={saving}>
            {isNew ? 'Add pool' : 'Save changes'}
          </Button>
          <Button size="xs" variant="default" disabled={busy} onClick={() => pools.send({ type: 'CANCEL' })}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
