import type { Offender, ParsedFile } from './imports.js';

/** Options of the cycle check. */
export interface CycleOptions {
  /** Whether `import type` edges count; they are erased at runtime but still couple files. */
  readonly includeTypeOnly: boolean;
}

/** Returns the import graph between the given files: path → paths it imports relatively. */
export function importGraph(files: readonly ParsedFile[], options: CycleOptions): Map<string, string[]> {
  const known = new Set(files.map((f) => f.path));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const ref of file.imports) {
      if (ref.target.kind !== 'relative' || (ref.typeOnly && !options.includeTypeOnly)) continue;
      const ts = ref.target.resolved.replace(/\.js$/, '.ts');
      if (known.has(ts)) targets.add(ts);
    }
    graph.set(file.path, [...targets].sort());
  }
  return graph;
}

// Tarjan's algorithm: each strongly connected component with a cycle holds at least one loop.
function stronglyConnected(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    components.push(component);
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

// Shortest path from start back to start inside one component (breadth first).
function cycleThrough(start: string, members: ReadonlySet<string>, graph: ReadonlyMap<string, readonly string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let k = 0; k < queue.length; k++) {
    const node = queue[k] ?? start;
    for (const next of graph.get(node) ?? []) {
      if (next === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (members.has(next) && !previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}

/** Rule 6: no import cycles; reports one cycle path per strongly connected component. */
export function checkCycles(files: readonly ParsedFile[], options: CycleOptions = { includeTypeOnly: true }): Offender[] {
  const graph = importGraph(files, options);
  const offenders: Offender[] = [];
  for (const component of stronglyConnected(graph)) {
    const first = [...component].sort()[0];
    if (first === undefined) continue;
    const selfLoop = (graph.get(first) ?? []).includes(first);
    if (component.length < 2 && !selfLoop) continue;
    const path = cycleThrough(first, new Set(component), graph);
    offenders.push({ file: first, line: 1, message: `import cycle: ${path.join(' → ')}` });
  }
  return offenders;
}
