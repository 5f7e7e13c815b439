/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Translation } from './src/i18n/nb';
import type * as ShellStringsModule from './src/app/signin/shellStrings';

/**
 * What index.html's inline boot script needs, put in at build time:
 *
 *  - `__SIGN_IN_SHELL_STRINGS__`: the words of the sign-in page's heading and introduction in
 *    every language, taken from src/i18n, so the page shows them before any JavaScript has run;
 *  - `__APP_ENTRY__`: the app's entry script. In a build, the module preloads of what it needs
 *    at start stand in templates: the first page's (its static imports, the session store and the
 *    sign-in page drawn without React) in <template id="first-page-preloads">, the start-up stages
 *    in "app-preloads", MUI's in "style-preloads". The boot script adds them and the <script>
 *    itself: on the sign-in page only the first page's, once the heading and introduction are on
 *    screen (the rest load as the page is used), elsewhere all at once. With the dev server it is
 *    `null` and Vite's own script tag runs the app.
 */
function bootPlugin(): Plugin {
  const strings = async (language: 'nb' | 'en') => {
    const { module } = await runnerImport<Record<string, Translation>>(`/src/i18n/${language}.ts`, { configFile: false, logLevel: 'silent' });
    const t = module[language];
    if (!t) throw new Error(`src/i18n/${language}.ts exports no ${language}`);
    // Everything of the sign-in page that is drawn without i18next (index.html, src/app/signin/firstPage.ts).
    const { module: shell } = await runnerImport<typeof ShellStringsModule>('/src/app/signin/shellStrings.ts', { configFile: false, logLevel: 'silent' });
    return shell.shellStrings(shell.lookupIn(t, language));
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
        // The first page of a visit, the sign-in page, is drawn without React
        // (src/app/signin/firstPage.ts): what it needs comes first, in a template of its own.
        const isFirstPage = (file: string) => {
          const chunk = bundle[file];
          return chunk?.type === 'chunk' && chunk.moduleIds.some((id) => /\/src\/(app\/signin\/firstPage|session\/store)\.ts$/.test(id));
        };
        for (const file of entryChunk.imports) visit(file);
        for (const file of entryChunk.dynamicImports.filter(isFirstPage)) visit(file);
        const firstPageStages = stages.length;
        if (entryChunk.dynamicImports.filter(isFirstPage).length !== 2) throw new Error('the entry imports no src/app/signin/firstPage.ts or src/session/store.ts');
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
          () =>
            `  <template id="first-page-preloads">${links([...preloaded, ...stages.slice(0, firstPageStages)])}</template>\n` +
            `    <template id="app-preloads">${links(stages.slice(firstPageStages))}</template>\n` +
            `    <template id="style-preloads">${links(styleStages)}</template>\n  </head>`,
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
