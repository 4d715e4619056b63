/** Result envelope every host function returns as JSON (never a thrown error across the bridge). */
export type HostReply<T> = { ok: true; value: T } | { ok: false; error: string };

/** The functions src/cep/host/modelbridge.jsx exposes on its namespace, with their results. */
export interface HostApi {
  ping: { args: []; value: 'pong' };
  projectInfo: { args: []; value: { path: string; name: string; mediaDir: string } };
  importMedia: { args: [path: string]; value: { path: string; bin: string } };
}
