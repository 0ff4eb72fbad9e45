// The web UI's build: ui/ → dist/ui, served by the service at `/` (src/app/web-ui.ts). Everything
// is bundled (no CDN, no web fonts): the UI must work on machines without internet access.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: path.resolve(here, '../dist/ui'),
    emptyOutDir: true,
    // ECharts, Cytoscape and ELK are large; one chunk per library keeps rebuilds cacheable.
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        manualChunks: { echarts: ['echarts/core', 'echarts/charts', 'echarts/components', 'echarts/renderers'], graph: ['cytoscape', 'elkjs/lib/elk-api.js'] },
      },
    },
  },
  esbuild: { jsx: 'automatic' },
});
