import { useProps } from '@mantine/core';
import { useMemo } from 'react';
import {
  type KnownTags,
  knownTags,
  mergeKnownTags,
  projectsForClient,
  type Tags,
} from '../../../domain/index.ts';
import { selectKnownTags } from '../../../machines/billing/billing-query.selectors.ts';
import { selectLedgerState } from '../../../machines/persistence/persistence.selectors.ts';
import { TagCombobox } from '../../components/TagCombobox/TagCombobox.tsx';
import classes from './GenerateView.module.css';
import { usePanelSelector } from '../../actors/panel-context.ts';

/** Props of {@link TagFields}. */
export interface TagFieldsProps {
  /** The generation's tags; '' is untagged. */
  tags: Tags;
  /** Called with all three tags after one of them changed (trimmed, known spelling kept). */
  onChange: (tags: Tags) => void;
}

const defaultProps = {} satisfies Partial<TagFieldsProps>;

/**
 * Client, project and deliverable names used before: the backend's read model (the whole history) and
 * this session's own events not yet on disk, each name once (first spelling kept).
 */
export function useKnownTagNames(): KnownTags {
  const history = usePanelSelector('billingQuery', selectKnownTags);
  const session = usePanelSelector('persistence', selectLedgerState);
  return useMemo(() => mergeKnownTags(history, knownTags(session)), [history, session]);
}

/**
 * The `Client`, `Project` and `Deliverable` autocompletes: suggestions from earlier names
 * (case-insensitive, first spelling kept), new names allowed (modelbridge-docs.md §8). Project offers
 * the chosen client's projects (every project when no client is chosen, or a new one).
 */
export function TagFields(props: TagFieldsProps) {
  const { tags, onChange } = useProps('TagFields', defaultProps, props);
  const known = useKnownTagNames();
  return (
    <div className={classes.fields} data-kind="tags">
      <TagCombobox
        label="Client"
        value={tags.client}
        options={known.clients}
        onChange={(client) => onChange({ ...tags, client })}
      />
      <TagCombobox
        label="Project"
        value={tags.project}
        options={projectsForClient(known, tags.client)}
        onChange={(project) => onChange({ ...tags, project })}
      />
      <TagCombobox
        label="Deliverable"
        value={tags.deliverable}
        options={known.deliverables}
        onChange={(deliverable) => onChange({ ...tags, deliverable })}
      />
    </div>
  );
}
