import { cepConfig } from './cep-config.ts';
import type { HostApi, HostReply } from './host-api.ts';

/** The part of CEP's injected `window.__adobe_cep__` we use (CSInterface wraps the same call). */
export interface CepRuntime {
  evalScript(script: string, callback: (result: string) => void): void;
  /** The host environment as JSON (app, locale, skin); CEP 6+, absent from fakes that do not need it. */
  getHostEnvironment?(): string;
  addEventListener?(type: string, listener: (event: unknown) => void): void;
  removeEventListener?(type: string, listener: (event: unknown) => void): void;
}

declare global {
  interface Window {
    __adobe_cep__?: CepRuntime;
  }
}

/** True inside a CEP panel; false in a plain browser, where host calls are not available. */
export function isInCep(runtime: CepRuntime | undefined = globalThis.window?.__adobe_cep__): boolean {
  return typeof runtime?.evalScript === 'function';
}

/**
 * Calls a host function by name with JSON-safe arguments and resolves with its value.
 * @example const { mediaDir } = await callHost('projectInfo');
 */
export function callHost<K extends keyof HostApi>(
  name: K,
  args: HostApi[K]['args'],
  runtime: CepRuntime | undefined = globalThis.window?.__adobe_cep__,
): Promise<HostApi[K]['value']> {
  if (!runtime || !isInCep(runtime)) {
    return Promise.reject(new Error('Premiere is not available: the panel is running outside Premiere Pro.'));
  }
  // JSON.stringify yields valid ES3 string/number literals, so arguments cannot break out of the call.
  const call = `$.global[${JSON.stringify(cepConfig.id)}].${name}(${args.map((a) => JSON.stringify(a)).join(',')})`;
  return new Promise((resolve, reject) => {
    runtime.evalScript(call, (raw) => {
      let reply: HostReply<HostApi[K]['value']>;
      try {
        reply = JSON.parse(raw);
      } catch {
        reject(new Error(`Premiere returned an unexpected answer to ${name}: ${String(raw).slice(0, 200)}`));
        return;
      }
      if (reply.ok) resolve(reply.value);
      else reject(new Error(reply.error));
    });
  });
}
