// Plays signed HLS URLs with hls.js in headless Chromium and reports what happened, as JSON on stdout.
// Input (argv[2]): {"chromium": "<executable>", "cases": [{"name", "url", "expect": "play" | "error"}]}.
// The page is served from its own loopback origin, so every media fetch is cross-origin and needs CORS.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const input = JSON.parse(process.argv[2]);
const hlsJs = fs.readFileSync(path.join(here, 'node_modules/hls.js/dist/hls.min.js'));
const page = `<!doctype html><meta charset="utf-8"><title>tonearm player</title>
<audio id="player" muted></audio><script src="/hls.js"></script>`;

const server = http.createServer((req, res) => {
  if (req.url === '/hls.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(hlsJs);
  } else {
    res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://localhost:${server.address().port}/`;

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonearm-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: input.chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
});

// Runs in the page: plays `url`, waits for 5 s of playback, switches level, and reports.
async function scenario({ url, expect }) {
  const player = document.getElementById('player');
  const hls = new Hls({ maxBufferLength: 6, maxMaxBufferLength: 6, manifestLoadingMaxRetry: 0, levelLoadingMaxRetry: 0,
    fragLoadingMaxRetry: 0 });
  const result = { levels: 0, fragments: [], switchedTo: null, fragmentsAfterSwitch: [], error: null, currentTime: 0 };
  const done = new Promise((resolve) => {
    hls.on(Hls.Events.ERROR, (_, data) => {
      if (data.fatal) {
        result.error = { type: data.type, details: data.details, status: data.response ? data.response.code : null };
        resolve();
      }
    });
    hls.on(Hls.Events.MANIFEST_PARSED, (_, data) => {
      result.levels = data.levels.length;
      player.play().catch((e) => { result.error = { type: 'play', details: String(e) }; resolve(); });
    });
    hls.on(Hls.Events.FRAG_LOADED, (_, data) => {
      const entry = { level: data.frag.level, sn: data.frag.sn };
      (result.switchedTo === null ? result.fragments : result.fragmentsAfterSwitch).push(entry);
    });
    let switching = false;
    player.addEventListener('timeupdate', () => {
      result.currentTime = player.currentTime;
      if (player.currentTime > 5 && !switching) {
        switching = true;
        const target = (hls.currentLevel + 1) % hls.levels.length;
        hls.on(Hls.Events.LEVEL_SWITCHED, (_, data) => {
          if (data.level === target) {
            result.switchedTo = target;
          }
        });
        hls.currentLevel = target; // an immediate switch: flush and load the new level's fragments
      }
      if (result.switchedTo !== null && result.fragmentsAfterSwitch.some((f) => f.level === result.switchedTo)) {
        resolve();
      }
    });
  });
  hls.loadSource(url);
  hls.attachMedia(player);
  player.playbackRate = 2; // the 5 s mark arrives in 2.5 s of wall time
  await Promise.race([done, new Promise((r) => setTimeout(r, expect === 'play' ? 25000 : 10000))]);
  result.currentTime = player.currentTime;
  hls.destroy();
  return result;
}

const results = [];
try {
  for (const testCase of input.cases) {
    const tab = await context.newPage();
    const requests = [];
    tab.on('request', (r) => requests.push(r.url()));
    await tab.goto(origin);
    const result = await tab.evaluate(scenario, testCase);
    result.name = testCase.name;
    result.pageOrigin = origin;
    result.mediaRequests = requests.filter((u) => u.includes('/media/')).length;
    results.push(result);
    await tab.close();
  }
} finally {
  await context.close();
  server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(results) + '\n');
