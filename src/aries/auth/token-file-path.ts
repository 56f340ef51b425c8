import { homedir } from 'node:os';
import { join } from 'node:path';

/** Environment variable that overrides the token file location. */
export const TOKEN_FILE_ENV = 'ARIES_TOKEN_FILE';

/** Returns `$ARIES_TOKEN_FILE` when set and non-empty, else `~/.config/aries-runner/tokens.json`. */
export function resolveTokenFilePath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const override = env[TOKEN_FILE_ENV];
  return override !== undefined && override !== '' ? override : join(home, '.config', 'aries-runner', 'tokens.json');
}
