import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import { compression, defineAlgorithm } from 'vite-plugin-compression2'
import { VitePWA } from 'vite-plugin-pwa'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import type { Plugin } from 'vite'
import type { OutputChunk } from 'rolldown'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/**
 * Vant's icon CSS carries its icon font inline (30 KB of base64 in render-blocking CSS, on every
 * page). Move the font to a file of its own (hashed asset, loaded only when an icon shows) and drop
 * the remote fallback.
 */
function vantIconFontAsFile(): Plugin {
  const fontDir = join(here, 'node_modules', '.cache', 'qsradar')
  return {
    name: 'qsradar:vant-icon-font-file',
    enforce: 'pre',
    transform(code, id) {
      if (!/vant[\\/]es[\\/]icon[\\/]index\.css$/.test(id.split('?')[0])) return null
      const m = /src:url\(data:font\/woff2;charset=utf-8;base64,([A-Za-z0-9+/=]+)\) format\("woff2"\)[^;}]*/.exec(code)
      if (!m) return null
      mkdirSync(fontDir, { recursive: true })
      const file = join(fontDir, 'vant-icon.woff2')
      writeFileSync(file, Buffer.from(m[1], 'base64'))
      const rel = relative(dirname(id.split('?')[0]), file).split('\\').join('/')
      return { code: code.replace(m[0], `src:url("${rel}") format("woff2")`).replace('font-display:auto', 'font-display:block'), map: null }
    },
  }
}

/**
 * The phone route's own chunks (and their CSS) requested while the page is parsed, in parallel with
 * the entry, instead of after the entry has run and the router has asked for them: one round trip
 * less before the first screen. The table (route pattern → files) is read from router.ts's lazy
 * phone routes and the bundle, and written into a small inline script (allowed by its hash).
 */
function routePreloads(): Plugin {
  return {
    name: 'qsradar:route-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return undefined
        const chunks = Object.values(ctx.bundle).filter((c): c is OutputChunk => c.type === 'chunk')
        const byFile = new Map(chunks.map((c) => [c.fileName, c]))
        const walk = (file: string, into: Set<string>): Set<string> => {
          if (into.has(file)) return into
          into.add(file)
          for (const i of byFile.get(file)?.imports ?? []) walk(i, into)
          return into
        }
        const entry = chunks.find((c) => c.isEntry)
        if (!entry) return undefined
        const loaded = walk(entry.fileName, new Set())
        const router = readFileSync(join(here, 'src', 'router.ts'), 'utf8')
        const table: [string, string[]][] = []
        for (const m of router.matchAll(/\{ path: '([^']+)'[^\n]*?import\('\.\/(views\/mobile\/\w+\.vue)'\)/g)) {
          const view = join(here, 'src', m[2])
          const chunk = chunks.find((c) => c.isDynamicEntry && c.facadeModuleId === view)
          if (!chunk) continue
          const files = [...walk(chunk.fileName, new Set())].filter((f) => !loaded.has(f))
          const css = files.flatMap((f) => [...((byFile.get(f) as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? [])])
          table.push([`^/${m[1].replace(/:\w+/g, '[^/]+')}/?$`, [...files, ...css]])
        }
        if (table.length === 0) return undefined
        const script =
          `(function(){var t=${JSON.stringify(table)},p=location.pathname;for(var i=0;i<t.length;i++)if(new RegExp(t[i][0]).test(p)){` +
          `t[i][1].forEach(function(f){var l=document.createElement('link');if(/\\.css$/.test(f)){l.rel='preload';l.as='style'}else l.rel='modulepreload';` +
          `l.crossOrigin='';l.href='/'+f;document.head.appendChild(l)});break}})()`
        // First in <head>: an inline script after the stylesheets would wait for them.
        return [{ tag: 'script', children: script, injectTo: 'head-prepend' }]
      },
    },
  }
}

const backend = process.env.QSRADAR_BACKEND ?? 'http://127.0.0.1:8000'

// Paths the service worker must never answer with the app shell (the API and server pages).
const SERVER_PATHS = [/^\/graphql/, /^\/oauth/, /^\/\.well-known/, /^\/feeds/, /^\/export/, /^\/uploads/, /^\/metrics/, /^\/healthz/, /^\/readyz/]

export default defineConfig({
  base: '/',
  plugins: [
    vantIconFontAsFile(),
    routePreloads(),
    vue(),
    // Locale messages compiled at build time: vue-i18n's runtime-only build ships, without its
    // message compiler, and no message is compiled in the browser.
    VueI18nPlugin({
      include: [join(here, 'src/i18n/zh-CN.ts'), join(here, 'src/i18n/en.ts')],
      strictMessage: false,
      escapeHtml: false,
      dropMessageCompiler: true,
    }),
    // Vant components (and their CSS) imported where a template uses them, so each route's
    // chunk carries only its own components' styles.
    Components({ resolvers: [VantResolver()], dts: false, dirs: [] }),
    // The app shell and every chunk cached by a service worker (Workbox): the next visit starts
    // offline, and pages already visited open without the network.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: '进出口商品质量安全风险预警 · qsradar',
        short_name: '风险预警',
        description: '进出口商品质量安全风险预警与缺陷产品召回 / Import and export product safety risk warnings and recalls',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f2f3f5',
        theme_color: '#d9001b',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: SERVER_PATHS,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
      },
    }),
    // Precompressed copies (name.br, name.gz) served by gql/service/frontend.py.
    compression({
      include: /\.(js|mjs|css|html|svg|json|webmanifest|wasm)$/, // wasm: the barcode reader, 1 MB raw
      threshold: 512,
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
    }),
  ],
  define: {
    // vue-i18n's other feature flags are set by its plugin (composition API only, full install,
    // no message compiler).
    __INTLIFY_PROD_DEVTOOLS__: false,
    // Every component (ours, Vant's, the router's) uses the Composition API: the Options API
    // support is left out of Vue's runtime.
    __VUE_OPTIONS_API__: false,
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
