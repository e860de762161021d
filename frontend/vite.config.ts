import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const backend = process.env.QSRADAR_BACKEND ?? 'http://127.0.0.1:8000'

export default defineConfig({
  base: '/',
  plugins: [vue()],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_DROP_MESSAGE_COMPILER__: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: backend, changeOrigin: true, ws: true },
      '/oauth': { target: backend, changeOrigin: true },
      '/feeds': { target: backend, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: backend, changeOrigin: true, ws: true },
      '/oauth': { target: backend, changeOrigin: true },
      '/feeds': { target: backend, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
})
