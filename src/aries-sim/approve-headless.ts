import { request } from 'undici';
import { RunnerError } from '../core/index.js';

/**
 * Plays the user's browser against the simulator's headless authorize endpoint: requests the
 * authorize URL and follows its redirect to the runner's loopback callback, so the real `login`
 * flow (state, PKCE, code exchange, token file) runs with no person present. Loopback only.
 */
export async function approveHeadless(authorizeUrl: string): Promise<void> {
  const first = await request(authorizeUrl, { method: 'GET' });
  await first.body.dump();
  const location = first.headers['location'];
  if (first.statusCode !== 302 || typeof location !== 'string') {
    throw new RunnerError('SIM_ERR_AUTHORIZE', `simulator authorize answered ${first.statusCode} without a redirect`);
  }
  const target = new URL(location);
  if (target.hostname !== '127.0.0.1' && target.hostname !== '[::1]') {
    throw new RunnerError('SIM_ERR_AUTHORIZE', `refusing to follow a redirect off loopback: ${target.origin}`);
  }
  const back = await request(target, { method: 'GET' });
  await back.body.dump();
}
