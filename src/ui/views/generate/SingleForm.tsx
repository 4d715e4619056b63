import { Stack } from '@mantine/core';
import { useSelector } from '@xstate/react';
import type { CatalogModel } from '../../../domain/index.ts';
import type { GenerationActorRef } from '../../../machines/generation/generation.machine.ts';
import { selectEstimate, selectSendBlocker } from '../../../machines/generation/generation.selectors.ts';
import { ConfirmStep } from './ConfirmStep.tsx';
import { CostEstimate } from './CostEstimate.tsx';
import { DualModeSection } from './DualModeSection.tsx';
import { useDualModeSwitch, useOfferedModels } from './form-entry.ts';
import { GenerateButton } from './GenerateButton.tsx';
import { selectIsEditable, selectIsForegroundBusy, selectModel, selectTags } from './generate-selectors.ts';
import { selectParams, selectPrompt } from '../../../machines/generation/generation.selectors.ts';
import { ModelPicker } from './ModelPicker.tsx';
import { ParamControls } from './ParamControls.tsx';
import { promptParamOf } from './param-labels.ts';
import { PromptField } from './PromptField.tsx';
import { RunStatus } from './RunStatus.tsx';
import { TagFields } from './TagFields.tsx';

/** Props of {@link SingleForm}. */
export interface SingleFormProps {
  /** The draft generation the form edits (or the run it became while it holds the form). */
  generation: GenerationActorRef;
}

/** Sends the prompt, and fills the model's text input with it when fal prices by its length (TTS). */
function sendPrompt(generation: GenerationActorRef, model: CatalogModel, prompt: string) {
  generation.send({ type: 'SET_PROMPT', prompt });
  const param = promptParamOf(model);
  if (param !== null) generation.send({ type: 'SET_PARAMS', params: { [param]: prompt } });
}

/** The cost badge, the Generate button, the run's status line and the dialog of one generation. */
function SingleFooter({ generation }: SingleFormProps) {
  const estimate = useSelector(generation, selectEstimate);
  const editable = useSelector(generation, selectIsEditable);
  const busy = useSelector(generation, selectIsForegroundBusy);
  const blocked = useSelector(generation, selectSendBlocker);
  return (
    <>
      <CostEstimate estimate={estimate} />
      <GenerateButton
        busy={!editable}
        blocked={blocked}
        onGenerate={() => {
          // Rapid clicks: the first one moved the machine on, so later ones are not accepted.
          if (generation.getSnapshot().can({ type: 'GENERATE' })) generation.send({ type: 'GENERATE' });
        }}
      />
      {busy && <RunStatus generation={generation} />}
      <ConfirmStep generation={generation} />
    </>
  );
}

/**
 * The Generate form for one model: picker, prompt, inputs, tags, Dual Mode switch, live cost badge and
 * the Generate button; the dialog opens while the machine is confirming.
 */
export function SingleForm({ generation }: SingleFormProps) {
  const models = useOfferedModels();
  const model = useSelector(generation, selectModel);
  const params = useSelector(generation, selectParams);
  const prompt = useSelector(generation, selectPrompt);
  const tags = useSelector(generation, selectTags);
  const locked = !useSelector(generation, selectIsEditable);
  const switchDual = useDualModeSwitch();
  const send = generation.send.bind(generation);
  return (
    <Stack gap="sm">
      <ModelPicker
        label="Model"
        value={model}
        models={models}
        disabled={locked}
        onChange={(next) => send({ type: 'SET_MODEL', model: next })}
      />
      <PromptField value={prompt} disabled={locked} onChange={(p) => sendPrompt(generation, model, p)} />
      <ParamControls
        model={model}
        params={params}
        disabled={locked}
        onChange={(changed) => send({ type: 'SET_PARAMS', params: changed })}
      />
      <TagFields tags={tags} onChange={(next) => send({ type: 'SET_TAGS', tags: next })} />
      <DualModeSection on={false} onToggle={switchDual} disabled={locked} primary={model} models={models} />
      <SingleFooter generation={generation} />
    </Stack>
  );
}
