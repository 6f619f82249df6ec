// Opens the served dashboard in headless Chromium, picks a team in the page's team picker (which submits the form),
// reads the team shown and the work list, then sorts the work list by days overdue with its header button and reads
// the order again; saves a screenshot and prints what it saw as JSON.
// Usage: node read-team-page.js <playwright-core dir> <chromium path> <page url> <screenshot path> <user-data dir> <team to pick>
'use strict';

const [playwrightCore, chromiumPath, url, screenshot, userDataDir, teamToPick] = process.argv.slice(2);
const { openPage } = require('./open-page');

function readList(page) {
  return page.evaluate(() => ({
    asAt: document.getElementById('worklist-as-at')?.textContent ?? null,
    sort: document.querySelector('#worklist th[aria-sort]')?.getAttribute('aria-sort') ?? null,
    rows: [...document.querySelectorAll('#worklist tbody tr')].map(tr => ({
      days: Number(tr.dataset.days),
      kind: tr.dataset.kind,
      team: tr.cells[3].textContent,
    })),
  }));
}

(async () => {
  const { context, page, errors } = await openPage(playwrightCore, chromiumPath, userDataDir, url);
  try {
    const teams = await page.evaluate(() => [...document.querySelectorAll('#pick-team option')].map(o => o.value));
    const whole = await readList(page);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.selectOption('#pick-team', teamToPick)]);
    const picked = {
      url: page.url(),
      team: await page.evaluate(() => document.getElementById('team')?.textContent ?? null),
      selected: await page.evaluate(() => document.getElementById('pick-team').value),
      list: await readList(page),
    };
    await page.click('#sort-overdue');
    const sorted = await readList(page);
    await page.screenshot({ path: screenshot, fullPage: true });
    process.stdout.write(JSON.stringify({ teams, whole, picked, sorted, errors }));
  } finally {
    await context.close();
  }
})().catch(e => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
