import type { StoredTokens } from './stored-tokens.js';

/** Persistence for the token set; the {@link TokenManager} calls `save` after every change. */
export interface TokenStore {
  /** Returns the stored tokens, or undefined when nothing is stored. */
  load(): Promise<StoredTokens | undefined>;
  /** Replaces the stored tokens atomically. */
  save(tokens: StoredTokens): Promise<void>;
  /** Removes the stored tokens; a missing store is not an error. */
  clear(): Promise<void>;
  /** Runs `fn` holding the store's exclusive lock across processes, when the store has one. */
  withLock?<T>(fn: () => Promise<T>): Promise<T>;
}
