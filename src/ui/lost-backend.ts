/** Options of {@link watchForLostBackend}. */
export interface LostBackendWatch {
  /** True while the backend answers (its /api/health); a throw counts as no answer. */
  check(): Promise<boolean>;
  /** Called once, after `misses` checks in a row found no backend. */
  onLost(): void;
  /** @default 5 000 ms */
  intervalMs?: number;
  /** More than the launcher's first restarts take (0.5 + 1 + 2 + 4 s), so a restart on the same port is waited out. @default 3 */
  misses?: number;
}

/** Checks the backend every `intervalMs` and calls `onLost` when it stays away; returns the stop. */
export function watchForLostBackend(watch: LostBackendWatch): () => void {
  const intervalMs = watch.intervalMs ?? 5_000;
  const misses = watch.misses ?? 3;
  let missed = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    const answered = await watch.check().catch(() => false);
    if (stopped) return;
    missed = answered ? 0 : missed + 1;
    if (missed >= misses) {
      stopped = true;
      watch.onLost();
      return;
    }
    timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, intervalMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** CEP's Node `require` in the panel's window (`--enable-nodejs --mixed-context`). */
export interface CepNode {
  require(path: string): unknown;
}

interface Launcher {
  openPanel(options: {
    extensionDir: string;
    show(text: string, error: boolean): void;
    navigate(url: string): void;
  }): Promise<void>;
}

/**
 * Back to the extension's loader after the backend was lost: with CEP's Node the launcher is asked
 * directly (it joins the restart under way and opens the panel on the backend's port, which may have
 * moved); without it, or when the backend cannot come back, the loader page itself is opened.
 */
export function returnToLoader(
  loaderPage: string,
  page: { cepNode?: CepNode | undefined; replace(url: string): void },
): void {
  const extensionDir = decodeURIComponent(new URL(loaderPage).pathname)
    .replace(/\/loader\/index\.html$/, '')
    // file:///C:/Users/… on Windows: no slash before the drive letter.
    .replace(/^\/([A-Za-z]:)/, '$1');
  if (page.cepNode) {
    const launcher = page.cepNode.require(`${extensionDir}/loader/launcher.cjs`) as Launcher;
    void launcher.openPanel({
      extensionDir,
      // A backend that cannot come back is explained by the loader page, with its Retry button.
      show: (_text, error) => {
        if (error) page.replace(loaderPage);
      },
      navigate: (url) => page.replace(url),
    });
    return;
  }
  page.replace(loaderPage);
}
