/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Translation } from './src/i18n/nb';

/**
 * What index.html's inline boot script needs, put in at build time:
 *
 *  - `__SIGN_IN_SHELL_STRINGS__`: the words of the sign-in page's heading and introduction in
 *    every language, taken from src/i18n, so the page shows them before any JavaScript has run;
 *  - `__APP_ENTRY__`: the app's entry script. In a build, the module preloads of what it needs
 *    at start (its static imports and the start-up stages) stand in a <template id="app-preloads">,
 *    and the boot script adds them and the <script> itself: on the sign-in page once the heading
 *    and introduction are on screen, elsewhere at once. With the dev server it is `null` and
 *    Vite's own script tag runs the app.
 */
function bootPlugin(): Plugin {
  const strings = async (language: 'nb' | 'en') => {
    const { module } = await runnerImport<Record<string, Translation>>(`/src/i18n/${language}.ts`, { configFile: false, logLevel: 'silent' });
    const t = module[language];
    if (!t) throw new Error(`src/i18n/${language}.ts exports no ${language}`);
    return { name: t.app.name, title: t.signIn.title, persona: t.signIn.personaIntro, none: t.signIn.noAuthIntro, oidc: t.signIn.oidcIntro, loading: t.signIn.loadingPersonas };
  };
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const replace = (html: string, placeholder: string, value: string) => {
    if (!html.includes(placeholder)) throw new Error(`index.html has no ${placeholder}`);
    return html.replace(placeholder, () => value);
  };
  return {
    name: 'akson-boot',
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        html = replace(html, '__SIGN_IN_SHELL_STRINGS__', json({ nb: await strings('nb'), en: await strings('en') }));
        if (!ctx.bundle) return replace(html, '__APP_ENTRY__', 'null');
        let entry: string | undefined;
        html = html.replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/, (_, src: string) => {
          entry = src;
          return `<link rel="modulepreload" crossorigin href="${src}">`;
        });
        if (!entry) throw new Error('the built index.html has no entry script');
        // The start-up stages (src/app/startup/stages.ts) are dynamic imports of the entry:
        // preload them with it, so they download together instead of one after another.
        const bundle = ctx.bundle;
        const entryFile = entry.replace(/^\//, '');
        const preloaded = new Set<string>([entryFile, ...[...html.matchAll(/rel="modulepreload" crossorigin href="\/([^"]+)"/g)].flatMap((m) => (m[1] ? [m[1]] : []))]);
        const stages: string[] = [];
        const visit = (file: string) => {
          const chunk = bundle[file];
          if (!chunk || chunk.type !== 'chunk' || preloaded.has(file) || stages.includes(file)) return;
          stages.push(file);
          for (const imported of chunk.imports) visit(imported);
        };
        const entryChunk = bundle[entryFile];
        if (!entryChunk || entryChunk.type !== 'chunk') throw new Error(`the bundle has no entry chunk ${entryFile}`);
        // MUI's stage (src/app/startup/styles.ts) goes last, and what only it needs in a template
        // of its own: the sign-in page is drawn without MUI, and the boot script adds those
        // preloads on every other page only.
        const isStyles = (file: string) => /\/src\/app\/startup\/styles\.ts$/.test((bundle[file] as { facadeModuleId?: string } | undefined)?.facadeModuleId ?? '');
        for (const file of entryChunk.imports) visit(file);
        for (const file of entryChunk.dynamicImports) {
          const chunk = bundle[file];
          if (chunk?.type === 'chunk' && !/\/mocks\//.test(chunk.facadeModuleId ?? '') && !isStyles(file)) visit(file);
        }
        const appStages = stages.length;
        const stylesFile = entryChunk.dynamicImports.find(isStyles);
        if (!stylesFile) throw new Error('the entry imports no src/app/startup/styles.ts');
        visit(stylesFile);
        const styleStages = stages.splice(appStages);
        // No preload starts before the first paint: the links stand in a <template> (inert: the
        // browser fetches nothing from it), and the boot script puts them in the head together
        // with the entry script. A download that ends before the first paint holds it up on a slow
        // network, and Chromium compiles a preloaded module as it arrives, in the parser's task.
        const links = (files: string[]) => files.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`).join('');
        html = html.replace(/<link rel="modulepreload" crossorigin href="[^"]+">\s*/g, '');
        html = html.replace(
          '</head>',
          () => `  <template id="app-preloads">${links([...preloaded, ...stages])}</template>\n    <template id="style-preloads">${links(styleStages)}</template>\n  </head>`,
        );
        return replace(html, '__APP_ENTRY__', json(entry));
      },
    },
  };
}

// One config for the app build, the dev server and the unit tests.
export default defineConfig({
  plugins: [react(), bootPlugin()],
  resolve: {
    // Mock Service Worker's cookie store pulls in the whole public suffix list through
    // tough-cookie; the mock sets no cookies, so a small stand-in does (see the file).
    alias: [{ find: /^tldts$/, replacement: fileURLToPath(new URL('./mocks/tldts-lite.ts', import.meta.url)) }],
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    manifest: true,
    modulePreload: {
      // Code used now and then (the usability kit, the access pages, the sign-in's prefetch) is
      // not preloaded with its dependencies: each such import would otherwise carry the list of
      // its chunks in the start-up code, which counts against the first page's budget.
      resolveDependencies: (filename, deps) => (/(^|\/)(UsabilityKit|accessPages|prefetchHome)-[\w-]+\.js$/.test(filename) ? [] : deps),
    },
  },
  test: {
    // happy-dom: the same 925 tests pass as under jsdom, in about an eighth less time (a third
    // less for the component tests).
    environment: 'happy-dom',
    globals: false,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 20000,
    // Every core (Vitest's default leaves one free: on a 2-core CI machine that is one worker).
    // Pure tests (mocks/, domain/) run in Node, not a DOM (// @vitest-environment node).
    maxWorkers: availableParallelism(),
    // Worker threads, not child processes: a third less time for the component tests here.
    pool: 'threads',
    css: false,
  },
});
