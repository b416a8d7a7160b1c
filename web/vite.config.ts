import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The portal is a static SPA. The root package builds it with `vite build web`; root is pinned
 * to this folder so the build gives the same result whatever the working directory.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The browsers public-sector users run (current Edge/Chrome/Firefox/Safari) all support ES2022.
    target: 'es2022',
  },
});
