// Node module resolve hook (registered by load-strategy.ts): lets a strategy file anywhere on disk
// import the public API as 'aries-runner' and the runner's own copies of rxjs and trading-signals.
let aliases = {};

export function initialize(data) {
  aliases = data.aliases;
}

export async function resolve(specifier, context, nextResolve) {
  const target = aliases[specifier];
  if (target !== undefined) return { url: target, shortCircuit: true };
  return nextResolve(specifier, context);
}
