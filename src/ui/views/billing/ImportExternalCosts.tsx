import { Alert, Button, FileButton, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { formatMoney } from '../../../domain/index.ts';
import { MAX_IMPORT_FILE_BYTES } from '../../../machines/imports/external-import.machine.ts';
import {
  selectCanCommitImport,
  selectCanRetryImport,
  selectImportedRows,
  selectImportPreview,
  selectImportProblem,
  selectImportStep,
  selectIsImportBusy,
  selectIsImportOpen,
} from '../../../machines/imports/external-import.selectors.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';
import { useMoney } from '../../hooks/use-money.ts';

/** Errors listed in the dialog; the rest are counted (a broken file can have thousands). */
const ERRORS_SHOWN = 20;

/** Reads the chosen file (unless too large) and hands it to the import machine in the display currency. */
function useChooseFile() {
  const imports = usePanelActor('externalImport');
  const { currency } = useMoney();
  return async (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      imports.send({ type: 'FILE_TOO_LARGE', fileName: file.name, bytes: file.size });
      return;
    }
    imports.send({ type: 'CHOOSE_FILE', fileName: file.name, text: await file.text(), currency });
  };
}

function ChooseFile({ label, variant }: { label: string; variant: 'default' | 'subtle' }) {
  const choose = useChooseFile();
  // Cleared after each choice, so choosing the same file again (after fixing it) is seen again.
  const reset = useRef<() => void>(null);
  const chosen = async (file: File | null) => {
    await choose(file);
    reset.current?.();
  };
  return (
    <FileButton resetRef={reset} onChange={(file) => void chosen(file)} accept=".csv,.tsv,.txt,text/csv">
      {(props) => (
        <Button size="xs" variant={variant} {...props}>
          {label}
        </Button>
      )}
    </FileButton>
  );
}

/** "Import external costs": choose a CSV; the dialog previews it before anything is recorded. */
export function ImportExternalCostsButton() {
  return <ChooseFile label="Import external costs" variant="default" />;
}

function PreviewBody() {
  const preview = usePanelSelector('externalImport', selectImportPreview);
  if (!preview) return null;
  if (preview.refused) {
    return (
      <Alert role="alert" color="red" p="xs" title="This file cannot be imported">
        <Text size="xs">{preview.refused}</Text>
      </Alert>
    );
  }
  const { rows, errors, duplicates } = preview;
  return (
    <Stack gap={6}>
      <Text size="sm" role="status" aria-label="Import preview">
        {rows.length} {rows.length === 1 ? 'cost' : 'costs'} to import from {preview.fileName}, in all{' '}
        {formatMoney(preview.totalMicros, preview.currency)}
      </Text>
      {duplicates.length > 0 && (
        <Text size="xs" c="dimmed">
          {duplicates.length} already imported or repeated, left out (lines{' '}
          {duplicates.map((d) => d.line).join(', ')}).
        </Text>
      )}
      {errors.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" c="orange.5">
            {errors.length} {errors.length === 1 ? 'row has' : 'rows have'} errors and will be left out:
          </Text>
          <List size="xs" aria-label="Rows with errors">
            {errors.slice(0, ERRORS_SHOWN).map((e) => (
              <List.Item key={e.line}>
                Line {e.line}: {e.reason}
              </List.Item>
            ))}
          </List>
          {errors.length > ERRORS_SHOWN && (
            <Text size="xs" c="dimmed">
              and {errors.length - ERRORS_SHOWN} more.
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/**
 * The import dialog: the preview (costs to import and their total, duplicates left out, rows with
 * errors by line), then Import records them as one entry; Cancel records nothing.
 */
export function ImportExternalCostsDialog() {
  const imports = usePanelActor('externalImport');
  const open = usePanelSelector('externalImport', selectIsImportOpen);
  const step = usePanelSelector('externalImport', selectImportStep);
  const busy = usePanelSelector('externalImport', selectIsImportBusy);
  const canCommit = usePanelSelector('externalImport', selectCanCommitImport);
  const recorded = usePanelSelector('externalImport', selectImportedRows);
  const problem = usePanelSelector('externalImport', selectImportProblem);
  const preview = usePanelSelector('externalImport', selectImportPreview);
  const canRetry = usePanelSelector('externalImport', selectCanRetryImport);
  const close = () => imports.send({ type: 'CLOSE' });
  return (
    <Modal opened={open} onClose={busy ? () => {} : close} title="Import external costs" size="md">
      <Stack gap="sm">
        {step === 'previewing' && (
          <Group gap="xs" role="status" aria-label="Reading the file">
            <Loader size="xs" />
            <Text size="sm">Reading the file…</Text>
          </Group>
        )}
        {(step === 'preview' || step === 'recording') && <PreviewBody />}
        {recorded !== null && (
          <Text size="sm" role="status" aria-label="Import done">
            Imported {recorded} {recorded === 1 ? 'cost' : 'costs'}: they are in Billing now.
          </Text>
        )}
        {problem && (
          <Alert role="alert" color="red" p="xs" title="Nothing was imported">
            <Text size="xs">{problem}</Text>
          </Alert>
        )}
        <Group gap="xs" justify="flex-end">
          {canRetry && (
            <Button size="xs" variant="light" onClick={() => imports.send({ type: 'RETRY' })}>
              Try again
            </Button>
          )}
          {(step === 'preview' || step === 'failed') && (
            <ChooseFile label="Choose another file" variant="subtle" />
          )}
          {(step === 'preview' || step === 'recording') && (
            <Button
              size="xs"
              loading={step === 'recording'}
              disabled={!canCommit && step !== 'recording'}
              onClick={() => imports.send({ type: 'COMMIT' })}
            >
              Import {preview?.rows.length ?? 0} {preview?.rows.length === 1 ? 'cost' : 'costs'}
            </Button>
          )}
          <Button size="xs" variant="default" disabled={busy} onClick={close}>
            {recorded !== null ? 'Close' : 'Cancel'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
