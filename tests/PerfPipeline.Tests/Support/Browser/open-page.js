// Opens one page in headless Chromium (the system's, driven by playwright-core), offline and quiet: no updates, sync
// or background traffic from the browser. Every browser test's script starts here; page errors are collected so the
// tests can assert there were none.
'use strict';

async function openPage(playwrightCore, chromiumPath, userDataDir, url) {
  const { chromium } = require(playwrightCore);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, errors };
}

module.exports = { openPage };
