/** The outcome a callback page reports. */
export type CallbackPageKind = 'success' | 'failed' | 'duplicate' | 'not-found' | 'method';

const PAGES: Readonly<Record<CallbackPageKind, { readonly title: string; readonly body: string }>> = {
  success: { title: 'Logged in', body: 'aries-runner received the authorization. You can close this tab and return to the terminal.' },
  failed: { title: 'Login failed', body: 'aries-runner could not complete the login. See the terminal for the reason; you can close this tab.' },
  duplicate: { title: 'Already handled', body: 'This login has already been completed or refused. You can close this tab.' },
  'not-found': { title: 'Not found', body: 'This is the aries-runner login listener; nothing is served at this path.' },
  method: { title: 'Method not allowed', body: 'The login callback accepts GET only.' },
};

/**
 * Returns a small fixed HTML page for a callback outcome. Nothing from the request is echoed, so
 * the page can carry neither a secret nor injected markup.
 */
export function renderCallbackPage(kind: CallbackPageKind): string {
  const page = PAGES[kind];
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<title>aries-runner: ${page.title}</title></head>` +
    `<body style="font-family: sans-serif; margin: 3em"><h1>${page.title}</h1><p>${page.body}</p></body></html>\n`
  );
}
