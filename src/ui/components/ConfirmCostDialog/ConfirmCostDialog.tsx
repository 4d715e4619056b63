import { Button, Group, Modal, Stack, Text, useProps } from '@mantine/core';
import type { Currency, FxSnapshot } from '../../../domain/ledger/events.ts';
import { CostBadge } from '../CostBadge/CostBadge.tsx';
import { type EstimateView, shownTier } from '../CostBadge/cost-label.ts';

/** One model of the run and its own estimate. */
export interface ConfirmCostModel {
  /** Model name as people know it ("Veo 3.1"). */
  name: string;
  /** That model's estimate. */
  estimate: EstimateView;
}

/** Props of {@link ConfirmCostDialog}. */
export interface ConfirmCostDialogProps {
  /** Whether the dialog is shown (the generation machine is `confirming`). */
  opened: boolean;
  /** The model(s) about to run: one, or two in Dual Mode (each listed with its own estimate). */
  models: readonly ConfirmCostModel[];
  /** The combined estimate of all models; shown as its own line when more than one model runs. */
  combined: EstimateView;
  /** Display currency. */
  currency: Currency;
  /** Current exchange rates to convert micro-USD with. */
  rates: FxSnapshot;
  /** Called by Cancel, the close button, Escape and a click outside: nothing is sent or recorded. */
  onCancel: () => void;
  /** Called by Continue: the run is submitted. */
  onContinue: () => void;
  /** Render inside a portal on document.body; false keeps it in place (narrow-dock stories). @default true */
  withinPortal?: boolean;
}

const defaultProps = { withinPortal: true } satisfies Partial<ConfirmCostDialogProps>;

function CostLine(props: { name: string; estimate: EstimateView; currency: Currency; rates: FxSnapshot }) {
  return (
    <Group component="li" justify="space-between" gap="xs" wrap="wrap">
      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {props.name}
      </Text>
      <CostBadge estimate={props.estimate} currency={props.currency} rates={props.rates} />
    </Group>
  );
}

/**
 * Asks before an expensive or unpriced run: names the model(s), shows each estimate and, in Dual Mode,
 * the combined one; Cancel (or Escape) sends nothing, Continue submits.
 */
export function ConfirmCostDialog(props: ConfirmCostDialogProps) {
  const { opened, models, combined, currency, rates, onCancel, onContinue, withinPortal } = useProps(
    'ConfirmCostDialog',
    defaultProps,
    props,
  );
  const dual = models.length > 1;
  const unpriced = models.some((m) => shownTier(m.estimate) === 'none');
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title="Confirm generation cost"
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
      withinPortal={withinPortal}
      centered
    >
      <Stack gap="sm">
        <Text size="sm">
          {dual ? 'These runs are' : 'This run is'} charged to your fal.ai balance. Check the cost before you
          continue.
          {unpriced && ' No price is known for this model, so fal.ai may charge any amount.'}
        </Text>
        <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} aria-label="Estimated cost">
          {models.map((m) => (
            <CostLine key={m.name} name={m.name} estimate={m.estimate} currency={currency} rates={rates} />
          ))}
          {dual && <CostLine name="Combined" estimate={combined} currency={currency} rates={rates} />}
        </Stack>
        <Group justify="flex-end" gap="xs">
          {/* Focus starts on Cancel: Enter on an expensive run must not spend money by accident. */}
          <Button variant="default" size="xs" onClick={onCancel} data-autofocus>
            Cancel
          </Button>
          <Button size="xs" onClick={onContinue}>
            Continue
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
