// Lighthouse 12 (mobile preset) for one page, in Debian's Chromium through puppeteer-core.
// Used by scripts/audit.py; prints nothing on success.
//
//   CHROME_PATH=$(command -v chromium) node scripts/lighthouse-page.mjs <url> <out.json> [--cookie <c>]
import { writeFile } from "node:fs/promises";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";

const [url, outPath, ...rest] = process.argv.slice(2);
const option = (name) => {
  const index = rest.indexOf(name);
  return index === -1 ? undefined : rest[index + 1];
};
const cookie = option("--cookie");
if (!url || !outPath) {
  console.error("usage: lighthouse-page.mjs <url> <out.json> [--cookie <c>]");
  process.exit(2);
}

const chromePath = process.env.CHROME_PATH;
if (!chromePath) {
  console.error("CHROME_PATH is not set (Debian's chromium: CHROME_PATH=$(command -v chromium))");
  process.exit(2);
}

// Flags from the stack facts: headless Chromium in a closed network without a GPU.
const chromeFlags = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const flags = {
  logLevel: "error",
  output: "json",
  // Default config = the mobile preset (Moto G Power emulation, simulated slow 4G).
  onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
  ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
};

const browser = await puppeteer.launch({
  executablePath: chromePath,
  headless: true,
  args: chromeFlags,
  defaultViewport: null,
});
let lhr;
try {
  const page = await browser.newPage();
  const result = await lighthouse(url, flags, undefined, page);
  lhr = result.lhr;
} finally {
  await browser.close();
}
await writeFile(outPath, JSON.stringify(lhr));
if (lhr.runtimeError) {
  console.error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  process.exit(3);
}
