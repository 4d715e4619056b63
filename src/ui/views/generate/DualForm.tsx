import { Stack } from '@mantine/core';
import { useSelector } from '@xstate/react';
import type { CatalogModel } from '../../../domain/index.ts';
import type {
  DualGenerationActorRef,
  DualSlot,
} from '../../../machines/generation/dual-generation.machine.ts';
import {
  selectCombinedEstimate,
  selectPairError,
  selectPairSendBlocker,
} from '../../../machines/generation/dual-generation.selectors.ts';
import { DualConfirmStep } from './ConfirmStep.tsx';
import { CostEstimate } from './CostEstimate.tsx';
import { DualModeSection } from './DualModeSection.tsx';
import { useDualModeSwitch, useOfferedModels } from './form-entry.ts';
import { GenerateButton } from './GenerateButton.tsx';
import { selectDualPrompt, selectDualTags, selectSlots } from './generate-selectors.ts';
import { ModelPicker } from './ModelPicker.tsx';
import { ParamControls } from './ParamControls.tsx';
import { promptParamOf } from './param-labels.ts';
import { PromptField } from './PromptField.tsx';
import { TagFields } from './TagFields.tsx';

/** Props of {@link DualForm}. */
export interface DualFormProps {
  /** The draft Dual Mode pair the form edits. */
  pair: DualGenerationActorRef;
}

const selectEditable = (s: ReturnType<DualGenerationActorRef['getSnapshot']>) => s.hasTag('editable');

/** Sends the shared prompt, and fills each slot's text input with it when fal prices by length (TTS). */
function sendPrompt(pair: DualGenerationActorRef, prompt: string) {
  pair.send({ type: 'SET_PROMPT', prompt });
  const { slots } = pair.getSnapshot().context;
  for (const slot of ['primary', 'secondary'] as const) {
    const model = slots[slot].model;
    const param = model ? promptParamOf(model) : null;
    if (param !== null) pair.send({ type: 'SET_PARAMS', slot, params: { [param]: prompt } });
  }
}

/** The combined estimate ("· 2 models"), one Generate for both, and the pair's dialog. */
function DualFooter({ pair }: DualFormProps) {
  const combined = useSelector(pair, selectCombinedEstimate);
  const editable = useSelector(pair, selectEditable);
  const blocked = useSelector(pair, selectPairSendBlocker);
  return (
    <>
      <CostEstimate estimate={combined} label="Combined estimate" suffix="· 2 models" />
      <GenerateButton
        busy={!editable}
        blocked={blocked}
        onGenerate={() => {
          if (pair.getSnapshot().can({ type: 'GENERATE' })) pair.send({ type: 'GENERATE' });
        }}
      />
      <DualConfirmStep pair={pair} />
    </>
  );
}

/**
 * The Generate form in Dual Mode: the primary model and its inputs, the shared prompt and tags, the
 * second model (same category, not the same model), the combined estimate and one Generate for both.
 */
export function DualForm({ pair }: DualFormProps) {
  const models = useOfferedModels();
  const slots = useSelector(pair, selectSlots);
  const prompt = useSelector(pair, selectDualPrompt);
  const tags = useSelector(pair, selectDualTags);
  const error = useSelector(pair, selectPairError);
  const locked = !useSelector(pair, selectEditable);
  const switchDual = useDualModeSwitch();
  const primary = slots.primary.model as CatalogModel;
  const setModel = (slot: DualSlot) => (model: CatalogModel) => pair.send({ type: 'SET_MODEL', slot, model });
  const setParams = (slot: DualSlot) => (params: Record<string, unknown>) =>
    pair.send({ type: 'SET_PARAMS', slot, params });
  const second = { model: slots.secondary.model, params: slots.secondary.params };
  return (
    <Stack gap="sm">
      <ModelPicker
        label="Model"
        value={primary}
        models={models}
        disabled={locked}
        onChange={setModel('primary')}
      />
      <PromptField value={prompt} disabled={locked} onChange={(p) => sendPrompt(pair, p)} />
      <ParamControls
        model={primary}
        params={slots.primary.params}
        disabled={locked}
        onChange={setParams('primary')}
      />
      <TagFields tags={tags} onChange={(next) => pair.send({ type: 'SET_TAGS', tags: next })} />
      <DualModeSection
        on
        onToggle={switchDual}
        disabled={locked}
        primary={primary}
        second={second}
        models={models}
        onSecondModel={setModel('secondary')}
        onSecondParams={setParams('secondary')}
        error={error}
      />
      <DualFooter pair={pair} />
    </Stack>
  );
}
