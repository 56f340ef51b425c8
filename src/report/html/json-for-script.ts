/**
 * Returns `value` as JSON safe to embed in an HTML `<script>` element: `<`, `>` and `&` become
 * `\u003c`, `\u003e`, `\u0026`, so no `</script>` or `<!--` can end or confuse the element, and
 * U+2028/U+2029 are escaped for old JavaScript parsers. `JSON.parse` reads the text back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
