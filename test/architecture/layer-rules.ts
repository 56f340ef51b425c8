import type { Offender, ParsedFile } from './imports.js';

/** What one src folder (or root file such as `index.ts`) may import besides itself. */
export interface LayerRule {
  /** Other src folders/root files it may import; `'*'` means any. */
  readonly folders: readonly string[] | '*';
  /** Folders it may not import even when `folders` is `'*'`. */
  readonly exceptFolders?: readonly string[];
  /** Package names (`'node:*'` = Node builtins); `'*'` means any package or builtin. */
  readonly packages: readonly string[] | '*';
}

/** The layer rules, keyed by src folder name or root file name. */
export type LayerTable = Readonly<Record<string, LayerRule>>;

/** Returns the src folder of a path (`src/risk/x.ts` → `risk`), the root file name, or undefined outside src. */
export function srcFolderOf(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] !== 'src' || parts.length < 2) return undefined;
  const first = parts[1] ?? '';
  return parts.length === 2 ? first.replace(/\.js$/, '.ts') : first;
}

function folderAllowed(rule: LayerRule, target: string): boolean {
  if (rule.exceptFolders?.includes(target) === true) return false;
  return rule.folders === '*' || rule.folders.includes(target);
}

function packageAllowed(rule: LayerRule, name: string, isNode: boolean): boolean {
  if (rule.packages === '*') return true;
  return isNode ? rule.packages.includes('node:*') || rule.packages.includes(name) : rule.packages.includes(name);
}

/** Rule 1: each src folder imports only the folders and packages its row of the table allows. */
export function checkLayers(files: readonly ParsedFile[], table: LayerTable): Offender[] {
  const offenders: Offender[] = [];
  for (const file of files) {
    const folder = srcFolderOf(file.path);
    if (folder === undefined) continue;
    const rule = table[folder];
    if (rule === undefined) {
      offenders.push({ file: file.path, line: 1, message: `src folder '${folder}' is not in the layer table` });
      continue;
    }
    for (const ref of file.imports) {
      const t = ref.target;
      let problem: string | undefined;
      if (t.kind === 'relative') {
        const target = srcFolderOf(t.resolved);
        if (target === undefined) problem = `imports '${ref.specifier}' from outside src`;
        else if (target !== folder && !folderAllowed(rule, target)) {
          problem = `${folder} may not import ${target} ('${ref.specifier}')`;
        }
      } else if (!packageAllowed(rule, t.name, t.kind === 'node')) {
        problem = `${folder} may not import package '${t.name}'`;
      }
      if (problem !== undefined) offenders.push({ file: file.path, line: ref.line, message: problem });
    }
  }
  return offenders;
}

/** Rule 2: a relative import into another src folder goes through that folder's index.js. */
export function checkIndexImports(files: readonly ParsedFile[]): Offender[] {
  const offenders: Offender[] = [];
  for (const file of files) {
    const folder = srcFolderOf(file.path);
    if (folder === undefined) continue;
    for (const ref of file.imports) {
      if (ref.target.kind !== 'relative') continue;
      const target = srcFolderOf(ref.target.resolved);
      if (target === undefined || target === folder || target.endsWith('.ts')) continue;
      if (ref.target.resolved !== `src/${target}/index.js`) {
        const message = `deep import '${ref.specifier}' into ${target}; import from its index.js instead`;
        offenders.push({ file: file.path, line: ref.line, message });
      }
    }
  }
  return offenders;
}

/** Rule 3: a restricted package is imported only from the folders listed for it. */
export function checkRestrictedPackages(
  files: readonly ParsedFile[],
  restricted: Readonly<Record<string, readonly string[]>>,
): Offender[] {
  const offenders: Offender[] = [];
  for (const file of files) {
    const folder = srcFolderOf(file.path) ?? file.path;
    for (const ref of file.imports) {
      if (ref.target.kind !== 'package') continue;
      const allowed = restricted[ref.target.name];
      if (allowed !== undefined && !allowed.includes(folder)) {
        const message = `'${ref.target.name}' may only be imported in ${allowed.join(', ')}`;
        offenders.push({ file: file.path, line: ref.line, message });
      }
    }
  }
  return offenders;
}

/** Rule 7: strategy files import only the listed packages and their own folder, never src. */
export function checkStrategyImports(files: readonly ParsedFile[], allowedPackages: readonly string[]): Offender[] {
  const offenders: Offender[] = [];
  for (const file of files) {
    const ownFolder = file.path.slice(0, file.path.lastIndexOf('/') + 1);
    for (const ref of file.imports) {
      const t = ref.target;
      const ok =
        t.kind === 'relative'
          ? t.resolved.startsWith(ownFolder)
          : t.kind === 'package' && allowedPackages.includes(t.name);
      if (!ok) {
        const message = `strategies import only ${allowedPackages.join(', ')} (found '${ref.specifier}')`;
        offenders.push({ file: file.path, line: ref.line, message });
      }
    }
  }
  return offenders;
}
