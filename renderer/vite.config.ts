import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The renderer: the app (index.html) and the widget gallery used by component tests (gallery.html).
 * Relative base so the same build loads from app://station/ (Electron) and from the loopback server (browser mode).
 * No CSP meta in the pages: both servers send the one policy (electron/backend/web-policy.ts) as a header.
 */
export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    rolldownOptions: {
      input: { index: here('index.html'), gallery: here('gallery.html') },
    },
  },
  server: { host: '127.0.0.1', strictPort: false },
});
