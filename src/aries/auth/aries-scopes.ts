import { AriesScope } from '../rest/index.js';

/** The OAuth scopes Aries documents (aries-api.md §2.3), as a list for validation and help text. */
export const ARIES_SCOPES: readonly AriesScope[] = Object.values(AriesScope);
