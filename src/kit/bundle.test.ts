// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kitEnabled } from '../app/kitSlot';
import { parseConfig } from '../app/config';

/**
 * A build pointed at a real FHIR server must carry none of the kit: the kit is reached only
 * through one dynamic import (src/app/kitSlot.tsx), made only for a mock's config. This checks the
 * module graph in the source: no other file imports src/kit, statically or dynamically, and the
 * kit imports nothing of mocks/. (e2e/usability-kit.spec.ts checks the built app: with a real
 * server's config, no kit chunk is fetched.)
 */
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KIT = join(SRC, 'kit');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): { spec: string; target: string; dynamic: boolean }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = (m[1] ?? m[2]) as string;
    return { spec, target: spec.startsWith('.') ? resolve(dirname(file), spec) : spec, dynamic: m[2] !== undefined };
  });
}

describe('the kit stays out of a real server’s build', () => {
  it('only src/app/kitSlot.tsx reaches the kit, with one dynamic import', () => {
    const reaching = files(SRC)
      .filter((f) => !f.startsWith(KIT) && !/\.test\.tsx?$/.test(f))
      .flatMap((f) => importsOf(f).filter((i) => i.target === KIT || i.target.startsWith(`${KIT}/`)).map((i) => ({ file: relative(SRC, f), ...i })));
    expect(reaching.map(({ file, spec, dynamic }) => ({ file, spec, dynamic }))).toEqual([{ file: join('app', 'kitSlot.tsx'), spec: '../kit/UsabilityKit', dynamic: true }]);
  });

  it('the kit imports nothing of the mock backend', () => {
    const mockImports = files(KIT)
      .filter((f) => !/\.test\.tsx?$/.test(f))
      .flatMap((f) => importsOf(f).filter((i) => /\/mocks(\/|$)/.test(i.target)).map((i) => `${relative(SRC, f)} → ${i.spec}`));
    expect(mockImports).toEqual([]);
  });

  it('is loaded for the mocks’ configs only', () => {
    expect(kitEnabled(parseConfig({ backend: { kind: 'mock' }, auth: { kind: 'persona' } }))).toBe(true);
    expect(kitEnabled(parseConfig({ backend: { kind: 'fhir', baseUrl: 'http://localhost:8787/fhir' }, auth: { kind: 'persona', url: 'http://localhost:8787' } }))).toBe(true);
    expect(kitEnabled(parseConfig({ backend: { kind: 'fhir', baseUrl: 'https://fhir.kommune.no/fhir' }, auth: { kind: 'none' } }))).toBe(false);
    expect(
      kitEnabled(
        parseConfig({
          backend: { kind: 'fhir', baseUrl: 'https://fhir.kommune.no/fhir' },
          auth: { kind: 'oidc' },
          oidc: { authority: 'https://helseid-sts.nhn.no', clientId: 'x', scope: 'openid', redirectPath: '/auth/callback' },
        }),
      ),
    ).toBe(false);
  });

  it('a production build (VITE_USABILITY_KIT=off) leaves the kit out; the mock build keeps it behind one dynamic import', async () => {
    const { build } = await import('vite');
    /** src/app/kitSlot.tsx built alone (React and the kit's own chunk left outside): the code of its output. */
    const built = async (flag: string | undefined): Promise<string> => {
      const output = await build({
        configFile: false,
        logLevel: 'silent',
        define: flag === undefined ? {} : { 'import.meta.env.VITE_USABILITY_KIT': JSON.stringify(flag) },
        build: {
          write: false,
          minify: false,
          lib: { entry: join(SRC, 'app', 'kitSlot.tsx'), formats: ['es'], fileName: 'kitSlot' },
          rollupOptions: { external: (id) => /^react(\/|$)/.test(id) || /kit\/UsabilityKit$/.test(id) },
        },
      });
      const results = Array.isArray(output) ? output : [output];
      return results.flatMap((r) => ('output' in r ? r.output : [])).map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
    };
    const production = await built('off');
    const mock = await built(undefined);
    expect(mock).toMatch(/import\(["'][^"']*kit\/UsabilityKit/);
    expect(production).not.toMatch(/UsabilityKit["']/);
    expect(production).not.toMatch(/import\(/);
  }, 60_000);
});
