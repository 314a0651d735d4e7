#!/usr/bin/env node
// Renders every bpmn/*.bpmn to docs/processes/<File>.svg (and a PNG next to it) with bpmn-js,
// in Debian's headless Chromium driven by playwright-core. No network: bpmn-js is injected from
// node_modules into a blank page, and every request the page would make is aborted.
//
// Usage, from the repository root:
//   npm ci --prefix docs/render && node docs/render/render.mjs
//
// Each SVG starts, right after the XML declaration, with
//   <!-- source: bpmn/<File>.bpmn sha256:<hex> -->
// where <hex> is the SHA-256 of the exact bytes of the .bpmn file, so a test can detect drift.

import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile, mkdir, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const bpmnDir = path.join(repoRoot, 'bpmn');
const outDir = path.join(repoRoot, 'docs', 'processes');
const require = createRequire(import.meta.url);

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PADDING = 20; // px around the diagram in the PNG
const MAX_PNG_SIDE = 8000; // px; larger diagrams are scaled down to fit

const bpmnJsDist = path.join(path.dirname(require.resolve('bpmn-js/package.json')), 'dist');

function sourceComment(relPath, bytes) {
  const hex = createHash('sha256').update(bytes).digest('hex');
  return { hex, comment: `<!-- source: ${relPath} sha256:${hex} -->` };
}

// bpmn-js gives arrow-head markers random ids; number them in document order instead, so that
// re-rendering an unchanged diagram yields a byte-identical SVG.
function stableMarkerIds(svg) {
  const ids = new Map();
  for (const m of svg.matchAll(/<marker\b[^>]*\bid="([^"]+)"/g)) {
    if (!ids.has(m[1])) ids.set(m[1], `marker-${ids.size + 1}`);
  }
  if (ids.size === 0) return svg;
  const escaped = [...ids.keys()].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<=["'#])(${escaped.join('|')})(?=["')])`, 'g');
  return svg.replace(pattern, (id) => ids.get(id));
}

// Puts the source comment right after the XML declaration (or first, if there is none).
function stampSvg(svg, comment) {
  const decl = svg.match(/^<\?xml[^>]*\?>\r?\n?/);
  if (decl) {
    return decl[0].replace(/\r?\n?$/, '\n') + comment + '\n' + svg.slice(decl[0].length);
  }
  return comment + '\n' + svg;
}

async function renderOne(browser, assets, file) {
  const relPath = `bpmn/${file}`;
  const bytes = await readFile(path.join(bpmnDir, file));
  const xml = bytes.toString('utf8');
  const name = path.basename(file, '.bpmn');

  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1 });
  try {
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));

    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"></head>' +
        '<body style="margin:0;background:#fff"><div id="canvas" style="position:absolute;inset:0"></div></body></html>'
    );
    await page.addStyleTag({ content: assets.css });
    await page.addScriptTag({ content: assets.js });

    const result = await page.evaluate(async (diagramXml) => {
      // eslint-disable-next-line no-undef
      const viewer = new BpmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(diagramXml);
      const { svg } = await viewer.saveSVG();
      const inner = viewer.get('canvas').viewbox().inner;
      window.__viewer = viewer;
      return {
        svg,
        warnings: warnings.map((w) => w.message),
        inner: { x: inner.x, y: inner.y, width: inner.width, height: inner.height },
      };
    }, xml);

    if (pageErrors.length) throw new Error(`${relPath}: page errors: ${pageErrors.join('; ')}`);
    for (const w of result.warnings) console.warn(`  warning (${relPath}): ${w}`);

    const { hex, comment } = sourceComment(relPath, bytes);
    const svgPath = path.join(outDir, `${name}.svg`);
    await writeFile(svgPath, stampSvg(stableMarkerIds(result.svg), comment));

    // PNG: size the page to the diagram (scaled down if huge) and fit the diagram into it.
    const scale = Math.min(1, MAX_PNG_SIDE / (result.inner.width + 2 * PADDING), MAX_PNG_SIDE / (result.inner.height + 2 * PADDING));
    const width = Math.ceil((result.inner.width + 2 * PADDING) * scale);
    const height = Math.ceil((result.inner.height + 2 * PADDING) * scale);
    await page.setViewportSize({ width, height });
    await page.evaluate(
      ({ padding }) => {
        const viewer = window.__viewer;
        const canvas = viewer.get('canvas');
        canvas.resized();
        const inner = canvas.viewbox().inner;
        canvas.viewbox({
          x: inner.x - padding,
          y: inner.y - padding,
          width: inner.width + 2 * padding,
          height: inner.height + 2 * padding,
        });
      },
      { padding: PADDING }
    );
    const pngPath = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: pngPath, fullPage: false });

    return { relPath, hex, svgPath, pngPath, width, height };
  } finally {
    await context.close();
  }
}

async function main() {
  const files = (await readdir(bpmnDir)).filter((f) => f.endsWith('.bpmn')).sort();
  if (files.length === 0) throw new Error(`no .bpmn files in ${bpmnDir}`);
  await mkdir(outDir, { recursive: true });

  const assets = {
    js: await readFile(path.join(bpmnJsDist, 'bpmn-viewer.production.min.js'), 'utf8'),
    css:
      (await readFile(path.join(bpmnJsDist, 'assets', 'diagram-js.css'), 'utf8')) +
      '\n' +
      (await readFile(path.join(bpmnJsDist, 'assets', 'bpmn-js.css'), 'utf8')),
  };

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const results = [];
  try {
    for (const file of files) {
      const r = await renderOne(browser, assets, file);
      results.push(r);
      console.log(`${path.relative(repoRoot, r.svgPath)}  <- ${r.relPath} sha256:${r.hex}`);
      console.log(`${path.relative(repoRoot, r.pngPath)}  (${r.width}x${r.height})`);
    }
  } finally {
    await browser.close();
  }

  // Remove pictures whose .bpmn no longer exists, so docs/processes stays in sync with bpmn/.
  const keep = new Set(files.map((f) => path.basename(f, '.bpmn')));
  for (const f of await readdir(outDir)) {
    const m = f.match(/^(.*)\.(svg|png)$/);
    if (m && !keep.has(m[1])) {
      await unlink(path.join(outDir, f));
      console.log(`removed stale docs/processes/${f}`);
    }
  }
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
