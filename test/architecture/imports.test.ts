/**
 * No import circle in src/, type-only imports included. ESLint's import-x/no-cycle guards value imports as you type;
 * it skips `import type`, yet a circle of types still ties modules together (grid.ts → read.ts → repair.ts → grid.ts
 * was one), so the whole graph is checked here with TypeScript's own import scanner.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const SRC = resolve(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The module a relative specifier names: ./a1 → a1.ts, ../scoring → scoring/index.ts. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(from), specifier);
  return [".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext).find((p) => existsSync(p));
}

function importGraph(files: readonly string[]): Map<string, string[]> {
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, false);
      const targets = importedFiles.map((i) => resolveImport(file, i.fileName)).filter((t) => t !== undefined);
      return [file, [...new Set(targets)]];
    }),
  );
}

/** Strongly connected components of more than one module (or a module importing itself): Tarjan's algorithm. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

test("the import scanner sees a circle of type-only imports", () => {
  const graph = new Map([
    ["grid.ts", ["read.ts"]],
    ["read.ts", ["repair.ts"]],
    ["repair.ts", ["grid.ts"]],
    ["a1.ts", []],
  ]);
  expect(circles(graph).map((c) => c.sort())).toEqual([["grid.ts", "read.ts", "repair.ts"]]);
});

test("no module in src/ imports itself back, even through types", () => {
  const graph = importGraph(sourceFiles(SRC));
  expect(graph.get(join(SRC, "layout/read.ts"))).toContain(join(SRC, "layout/grid.ts"));
  const named = circles(graph).map((c) => c.map((f) => relative(SRC, f)).sort());
  expect(named).toEqual([]);
});
