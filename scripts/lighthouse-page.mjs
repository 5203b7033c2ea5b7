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

// The project's Chromium flags (scripts/chromium.py, passed in by audit.py), plus Lighthouse's.
const chromeFlags = [
  "--headless=new",
  ...(process.env.CHROME_FLAGS || "").split(" ").filter(Boolean),
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
