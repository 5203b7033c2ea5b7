// Lighthouse (mobile preset) for one page, driven through puppeteer-core so that a page reached
// by submitting a form can be audited too. Used by scripts/audit.py; prints nothing on success.
//
//   node scripts/lighthouse-page.mjs <url> <out.json> [--submit <css selector>] [--cookie <c>]
//
// --submit: load <url>, turn off the browser's own form validation, then audit the navigation
// that clicking <selector> starts (the form with errors, for instance).
import { writeFile } from "node:fs/promises";
import lighthouse, { startFlow } from "lighthouse";
import puppeteer from "puppeteer-core";

const [url, outPath, ...rest] = process.argv.slice(2);
const option = (name) => {
  const index = rest.indexOf(name);
  return index === -1 ? undefined : rest[index + 1];
};
const submitSelector = option("--submit");
const cookie = option("--cookie");
if (!url || !outPath) {
  console.error("usage: lighthouse-page.mjs <url> <out.json> [--submit <selector>] [--cookie <c>]");
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
  if (submitSelector) {
    if (cookie) await page.setExtraHTTPHeaders({ Cookie: cookie });
    const flow = await startFlow(page, { flags });
    await page.goto(url, { waitUntil: "load" });
    await page.evaluate(() => {
      for (const form of document.forms) form.noValidate = true;
    });
    await flow.navigate(
      async () => {
        await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click(submitSelector)]);
      },
      { name: "Submit the form" },
    );
    const result = await flow.createFlowResult();
    lhr = result.steps[0].lhr;
  } else {
    const result = await lighthouse(url, flags, undefined, page);
    lhr = result.lhr;
  }
} finally {
  await browser.close();
}
await writeFile(outPath, JSON.stringify(lhr));
if (lhr.runtimeError) {
  console.error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  process.exit(3);
}
