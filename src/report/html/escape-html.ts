const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Returns `text` safe to place in HTML text or in a double- or single-quoted attribute value:
 * `& < > " '` become character references, so user text (strategy names, symbols, params,
 * tags) can never open a tag or leave an attribute.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
