// Builds the dashboard into web/dist, which `crowdlens serve` serves at `/`.
// In development (`npm run dev`), API calls go to the server named by
// CROWDLENS_API (default http://127.0.0.1:8080), so `crowdlens serve` runs beside vite.
import { defineConfig } from "vite";

export default defineConfig({
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      "/api": { target: process.env.CROWDLENS_API || "http://127.0.0.1:8080", changeOrigin: false },
    },
  },
});
