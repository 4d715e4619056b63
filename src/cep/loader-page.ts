/** File of the launcher module inside the extension, loaded by the loader page with CEP's Node. */
export const LAUNCHER_FILE = 'loader/launcher.cjs';

/**
 * The loader page's script. It bakes in no path: the extension folder comes from the page's own
 * file URL, so the folder works wherever it is installed. Written as ES5 so even a broken CEP
 * environment gets a readable message rather than a syntax error.
 */
export const LOADER_SCRIPT = `(function () {
  var status = document.getElementById('status');
  var retry = document.getElementById('retry');
  function show(text, error) {
    status.textContent = text;
    retry.hidden = !error;
  }
  retry.onclick = function () { location.reload(); };
  var nodeRequire = window.cep_node && window.cep_node.require;
  if (!nodeRequire) {
    show('modelBridge cannot start its backend: Node.js is not enabled for this panel. Reinstall the extension.', true);
    return;
  }
  var dir = decodeURIComponent(location.pathname).replace(/\\/loader\\/[^\\/]*$/, '');
  // file:///C:/Users/... on Windows: drop the slash before the drive letter.
  if (/^\\/[A-Za-z]:/.test(dir)) dir = dir.slice(1);
  try {
    nodeRequire(dir + '/${LAUNCHER_FILE}').openPanel({
      extensionDir: dir,
      show: show,
      navigate: function (url) { location.replace(url); }
    });
  } catch (err) {
    show('modelBridge could not load its launcher: ' + (err && err.message), true);
  }
})();`;

/** The extension's first page: a status line (and a Retry button on failure) plus the loader script. */
export function renderLoaderPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>modelBridge</title>
<style>body{background:#232323;color:#ccc;font:13px system-ui,sans-serif;padding:16px}
button{margin-top:8px}</style></head>
<body><p id="status" role="status">Starting modelBridge…</p>
<button id="retry" type="button" hidden>Retry</button>
<script>${LOADER_SCRIPT}</script></body></html>
`;
}
