import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// During `npm run dev` API calls go to a locally running `fazhi serve`.
const apiTarget = process.env.FAZHI_API ?? 'http://127.0.0.1:8080'

// Libraries that every page needs stay in one long-cached chunk; ECharts is
// big and only the pages with charts load it. Element Plus is left to Rollup
// so that each route chunk carries only the components it uses.
function vendorChunk(id: string): string | undefined {
  if (!id.includes('/node_modules/')) return undefined
  if (/\/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts'
  if (/\/node_modules\/(@vue|vue|vue-router|pinia)\//.test(id)) return 'vue'
  return undefined
}

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    target: 'es2020',
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
