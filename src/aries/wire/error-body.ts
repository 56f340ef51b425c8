import { z } from 'zod';

const nestedError = z.object({
  code: z.string().optional(),
  message: z.string().optional(),
  type: z.string().optional(),
  request_id: z.string().optional(),
});

/**
 * Any REST error body Aries may send: `{error, message}` (aries-api.md §3.1), the OAuth
 * `{error, error_description}`, a bare `{message}`, and the SDK's envelopes where `error` is an
 * object `{code, message, type}` (with `success:false`) or a string with `codes[]`.
 */
export const restErrorBodySchema = z
  .object({
    error: z.union([z.string(), nestedError]).optional(),
    message: z.string().optional(),
    error_description: z.string().optional(),
    success: z.boolean().optional(),
    codes: z
      .array(z.object({ code: z.string().optional(), description: z.string().optional(), field: z.string().optional() }))
      .optional(),
  })
  .refine((b) => b.error !== undefined || b.message !== undefined, 'error body needs error or message');

/** A parsed REST error body. */
export type RestErrorBody = z.output<typeof restErrorBodySchema>;

/** A REST error reduced to a stable code and a human message. */
export interface RestErrorInfo {
  readonly code: string;
  readonly message: string;
}

/** Returns the error code and message of a parsed error body; `unknown_error` when no code is sent. */
export function restErrorInfo(body: RestErrorBody): RestErrorInfo {
  const err = body.error;
  if (err !== undefined && typeof err !== 'string') {
    return { code: err.code ?? err.type ?? 'unknown_error', message: err.message ?? body.message ?? '' };
  }
  const firstCode = body.codes?.[0];
  const message = body.message ?? body.error_description ?? firstCode?.description ?? '';
  return { code: err ?? firstCode?.code ?? 'unknown_error', message };
}
