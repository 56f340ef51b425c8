import { calculatePKCECodeChallenge, generateRandomCodeVerifier, generateRandomState } from 'oauth4webapi';

/** A PKCE verifier with its S256 challenge; the verifier is a secret until the code is exchanged. */
export interface PkcePair {
  readonly codeVerifier: string;
  readonly codeChallenge: string;
  readonly codeChallengeMethod: 'S256';
}

/** Returns a fresh PKCE pair: a 43-character verifier (32 random bytes) and its S256 challenge. */
export async function createPkcePair(): Promise<PkcePair> {
  const codeVerifier = generateRandomCodeVerifier();
  const codeChallenge = await calculatePKCECodeChallenge(codeVerifier);
  return { codeVerifier, codeChallenge, codeChallengeMethod: 'S256' };
}

/** Returns a fresh single-use `state` value (32 random bytes, base64url). */
export function createOAuthState(): string {
  return generateRandomState();
}
