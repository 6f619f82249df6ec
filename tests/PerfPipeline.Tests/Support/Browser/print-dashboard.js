// Opens the HTML dashboard in headless Chromium (the system's, driven by playwright-core), saves a screenshot, prints
// the page to PDF as a reader's "Print → Save as PDF" would (A4, print CSS, backgrounds for the RAG colours) and
// prints what a reader sees under each item as JSON: its heading and, per section, the drafted sentences and the
// officers' paragraphs.
// Usage: node print-dashboard.js <playwright-core dir> <chromium path> <page url> <screenshot path> <user-data dir> <pdf path>
'use strict';

const [playwrightCore, chromiumPath, url, screenshot, userDataDir, pdfPath] = process.argv.slice(2);
const { openPage } = require('./open-page');

(async () => {
  const { context, page, errors } = await openPage(playwrightCore, chromiumPath, userDataDir, url);
  try {
    await page.waitForFunction(() => window.dashboardCharts !== undefined);
    const items = await page.evaluate(() => [...document.querySelectorAll('section.item')].map(section => ({
      heading: section.querySelector('h2').textContent.trim(),
      sections: [...section.querySelectorAll('.narrative h3')].map(h => h.textContent.trim()),
      drafted: [...section.querySelectorAll('.narrative ul.drafted')].map(ul => ({
        section: ul.dataset.section,
        sentences: [...ul.querySelectorAll('li')].map(li => li.textContent.trim()),
      })),
      written: [...section.querySelectorAll('.narrative div.written')].map(div => ({
        section: div.dataset.section,
        paragraphs: [...div.querySelectorAll('p:not(.byline)')].map(p => p.textContent.trim()),
      })),
    })));
    await page.screenshot({ path: screenshot, fullPage: true });
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    process.stdout.write(JSON.stringify({ items, errors }));
  } finally {
    await context.close();
  }
})().catch(e => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
