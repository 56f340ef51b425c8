import { spawn } from 'node:child_process';

/** Opens a URL for the user; must never throw or block the login. */
export type BrowserOpener = (url: string) => void;

function command(url: string): { readonly file: string; readonly args: readonly string[] } {
  switch (process.platform) {
    case 'darwin':
      return { file: 'open', args: [url] };
    case 'win32':
      // `start` is a cmd built-in; the empty string is its window title, and ^ escapes cmd's & metacharacter.
      return { file: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
    default:
      return { file: 'xdg-open', args: [url] };
  }
}

/**
 * Asks the desktop to open the URL (`open`, `start` or `xdg-open`), detached and without waiting.
 * Failures are ignored on purpose: the URL is always printed, so a headless machine just uses that.
 */
export const openInBrowser: BrowserOpener = (url) => {
  const { file, args } = command(url);
  try {
    const child = spawn(file, [...args], { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // A missing opener is the headless case the printed URL already covers.
  }
};
