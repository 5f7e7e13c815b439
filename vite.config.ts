/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// One config for the app build, the dev server and the unit tests.
export default defineConfig({
  plugins: [react()],
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
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 20000,
    css: false,
  },
});
