// The web UI's build: React 19, served by the Thiqa server itself under /ui/ from web/dist (no second server).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/ui/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One chunk for the app: it is small, and a CIRT on a slow link pays one round trip, not ten. The Assessment
    // pages' charts (ECharts and the world's geometry, about as large as the rest together) are a second one,
    // fetched only when a chart is first shown (web/src/pages/assessment/charts/Chart.tsx). The Gateway's pages are a
    // third, fetched when one is first opened: its record types carry the GCA framework (web/src/pages/gateway/GatewayPages.tsx).
    chunkSizeWarningLimit: 1024,
  },
});
