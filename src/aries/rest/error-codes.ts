/** Stable `RunnerError` codes raised by the Aries REST transport. */
export const AriesRestErrorCode = {
  BAD_REQUEST: 'ARIES_ERR_BAD_REQUEST',
  UNAUTHORIZED: 'ARIES_ERR_UNAUTHORIZED',
  FORBIDDEN: 'ARIES_ERR_FORBIDDEN',
  NOT_FOUND: 'ARIES_ERR_NOT_FOUND',
  RATE_LIMITED: 'ARIES_ERR_RATE_LIMITED',
  SERVER: 'ARIES_ERR_SERVER',
  NETWORK: 'ARIES_ERR_NETWORK',
  TIMEOUT: 'ARIES_ERR_TIMEOUT',
  OUTCOME_UNKNOWN: 'ARIES_ERR_OUTCOME_UNKNOWN',
  SCOPE: 'ARIES_ERR_SCOPE',
  BAD_RESPONSE: 'ARIES_ERR_BAD_RESPONSE',
} as const;
/** A stable code raised by the Aries REST transport. */
export type AriesRestErrorCode = (typeof AriesRestErrorCode)[keyof typeof AriesRestErrorCode];
