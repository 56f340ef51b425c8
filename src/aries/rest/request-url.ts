import { RunnerError } from '../../core/index.js';

/** Query parameters; undefined values are left out. */
export type QueryParams = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * Returns the path template with every `{name}` replaced by its URI-encoded parameter. Throws
 * `ARIES_ERR_BAD_REQUEST` when a placeholder has no parameter, naming it.
 */
export function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') {
      throw new RunnerError('ARIES_ERR_BAD_REQUEST', `Aries path ${template} needs parameter "${name}"`);
    }
    return encodeURIComponent(value);
  });
}

/** Returns `?a=1&b=x` for the defined parameters, or an empty string when there are none. */
export function queryString(query: QueryParams | undefined): string {
  if (query === undefined) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) search.append(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
