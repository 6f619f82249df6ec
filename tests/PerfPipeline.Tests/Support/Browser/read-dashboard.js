// Opens the HTML dashboard in headless Chromium (the system's, driven by playwright-core), saves a screenshot and
// prints what a reader sees as JSON: the period, each measure's cells, and for each chart whether it was drawn.
// With a period to pick, it then chooses that period in the page's period picker (which submits the form) and
// reads the page it lands on as well ("picked").
// Usage: node read-dashboard.js <playwright-core dir> <chromium path> <page url> <screenshot path> <user-data dir> [period to pick]
'use strict';

const [playwrightCore, chromiumPath, url, screenshot, userDataDir, periodToPick] = process.argv.slice(2);
const { openPage } = require('./open-page');

async function read(page) {
  await page.waitForFunction(() => window.dashboardCharts !== undefined);
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('tr[data-code]')].map(tr => {
      const cells = {};
      for (const td of tr.querySelectorAll('td[data-column]')) {
        cells[td.dataset.column] = td.textContent.trim();
      }
      return { code: tr.dataset.code, label: tr.querySelector('th[scope=row]').textContent, cells };
    });
    const charts = [...document.querySelectorAll('canvas[data-code]')].map(canvas => {
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) {
        if (pixels[i] !== 0) painted++;
      }
      return {
        code: canvas.dataset.code,
        instance: window.dashboardCharts[canvas.dataset.code] instanceof Chart,
        points: window.dashboardCharts[canvas.dataset.code].data.labels.length,
        painted,
        ariaLabel: canvas.getAttribute('aria-label'),
      };
    });
    return { url: location.href, period: document.getElementById('period').textContent, rows, charts };
  });
}

(async () => {
  const { context, page, errors } = await openPage(playwrightCore, chromiumPath, userDataDir, url);
  try {
    const seen = await read(page);
    await page.screenshot({ path: screenshot, fullPage: true });
    let picked = null;
    if (periodToPick) {
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.selectOption('#pick-period', periodToPick)]);
      picked = await read(page);
    }
    process.stdout.write(JSON.stringify({ ...seen, picked, errors }));
  } finally {
    await context.close();
  }
})().catch(e => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
