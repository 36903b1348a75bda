// Browser tests of the dashboard: headless Chromium (Debian's, through playwright-core)
// against a running `crowdlens serve` at $CROWDLENS_URL. For every view it waits for
// the charts and tables to draw, checks what they show against the JSON API itself,
// and saves a screenshot to $CROWDLENS_ARTIFACTS/<view>.png (1280 px wide), plus
// overview-phone.png at 390 px. tests/browser/run-browser-tests.sh sets both up.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { chromium } from "playwright-core";

const BASE_URL = process.env.CROWDLENS_URL;
const ARTIFACTS = process.env.CROWDLENS_ARTIFACTS || join(tmpdir(), "crowdlens-browser-artifacts");
const CHROMIUM = process.env.CROWDLENS_CHROMIUM || "/usr/bin/chromium";
// The demo workspace (data/sample) holds posts about the Pfizer vaccine; the demo listens for them.
const LISTEN_QUERY = process.env.CROWDLENS_LISTEN_QUERY || "pfizer OR #PfizerBioNTech OR @pfizer";
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

if (!BASE_URL) throw new Error("Set CROWDLENS_URL to a running `crowdlens serve` (tests/browser/run-browser-tests.sh does).");
mkdirSync(ARTIFACTS, { recursive: true });

let browser;
const pageErrors = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-dev-shm-usage", "--disable-gpu-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  });
});

after(async () => {
  if (browser) await browser.close();
});

async function api(path) {
  const response = await fetch(new URL(`api/v1/${path}`, BASE_URL));
  assert.equal(response.status, 200, `GET /api/v1/${path} answered ${response.status}`);
  return response.json();
}

function rows(table) {
  if (Array.isArray(table)) return table;
  return table && typeof table === "object" ? [table] : [];
}

async function newPage(viewport = DESKTOP) {
  const page = await browser.newPage({ viewport });
  page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.stack || error.message}`));
  return page;
}

// Opens a view and waits until nothing in it is loading any more; fails on an error state.
async function openView(page, route) {
  await page.goto(new URL(`#/${route}`, BASE_URL).href);
  await page.waitForFunction((name) => document.getElementById("view").dataset.view === name.split("?")[0], route);
  await page.waitForFunction(() => {
    const view = document.getElementById("view");
    return view.querySelector(".view-content").children.length > 0 && view.querySelectorAll(".state-loading").length === 0;
  }, null, { timeout: 60000 });
  const errors = await page.$$eval("#view .state-error", (elements) => elements.map((element) => element.textContent));
  assert.deepEqual(errors, [], `the ${route} view shows an error`);
}

// Every ECharts chart under `selector`: its series names and how many data points each has.
async function charts(page, selector = "#view") {
  return page.$$eval(`${selector} .chart`, (holders) =>
    holders.map((holder) => {
      const chart = window.crowdlens.chartOf(holder);
      if (!chart) return { title: null, series: [] };
      const card = holder.closest(".card");
      const heading = card && card.querySelector("h3");
      return {
        title: heading ? heading.textContent : "",
        className: card ? card.className : "",
        series: chart.getOption().series.map((series) => ({
          type: series.type,
          name: series.name,
          points: (series.data || []).filter((item) => {
            const value = item && typeof item === "object" && !Array.isArray(item) ? item.value : item;
            return value !== null && value !== undefined && value !== "-";
          }).length,
        })),
      };
    }),
  );
}

function pointsOf(chart) {
  return chart.series.reduce((sum, series) => sum + series.points, 0);
}

async function tableRowCounts(page, selector = "#view") {
  return page.$$eval(`${selector} table.data-table`, (tables) => tables.map((table) => table.tBodies[0].rows.length));
}

async function screenshot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky bar belongs at the top of a full-page picture
  await page.waitForTimeout(400); // let chart animations settle before the picture
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const formatted = (value) => new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }).format(value);

test("overview shows the workspace counts, the audience and the top influencers", async () => {
  const status = await api("status");
  const influence = await api("influence?top=10");
  const page = await newPage();
  await openView(page, "overview");
  const stats = await page.$$eval("#view .overview-workspace .stat", (cards) => Object.fromEntries(cards.map((card) => [card.querySelector(".stat-label").textContent, card.querySelector(".stat-value").textContent])));
  const accounts = rows(status.tables).find((row) => row.table === "accounts").rows;
  assert.ok(accounts > 0, "the demo workspace has accounts");
  assert.equal(stats.accounts, formatted(accounts));
  const [scoreChart] = await charts(page, "#view .overview-influence");
  assert.equal(scoreChart.series[0].points, rows(influence.influence).length);
  assert.ok(scoreChart.series[0].points > 0);
  const influencerRows = await tableRowCounts(page, "#view .overview-influence");
  assert.deepEqual(influencerRows, [rows(influence.influence).length]);
  await screenshot(page, "overview");
  await page.close();
});

test("overview at phone width collapses the navigation behind a toggle", async () => {
  const page = await newPage(PHONE);
  await openView(page, "overview");
  const navBox = await page.locator("#nav").boundingBox();
  assert.ok(!navBox || navBox.x + navBox.width <= 1, "the navigation is off screen until opened");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `the page is ${width}px wide on a ${PHONE.width}px screen`);
  const chartWidth = await page.$eval("#view .overview-influence .chart", (holder) => window.crowdlens.chartOf(holder).getWidth());
  assert.ok(chartWidth > 0 && chartWidth < PHONE.width, `the chart is ${chartWidth}px wide`);
  await screenshot(page, "overview-phone");
  await page.click(".nav-toggle");
  await page.waitForFunction(() => document.getElementById("nav").getBoundingClientRect().left >= 0);
  await page.click('#nav a[data-route="audience"]');
  await page.waitForFunction(() => document.getElementById("view").dataset.view === "audience");
  assert.equal(await page.evaluate(() => document.body.classList.contains("nav-open")), false);
  await page.close();
});

test("audience draws segments, countries on the map, growth and unfollows", async () => {
  const audience = await api("audience?top=0");
  const page = await newPage();
  await openView(page, "audience");
  const drawn = await charts(page);
  const map = drawn.find((chart) => chart.className.includes("country-map"));
  assert.ok(map, "a country map is drawn");
  assert.ok(map.series[0].points > 0, "the map has countries");
  const kinds = new Set(rows(audience.segments).filter((row) => row.kind !== "country").map((row) => row.kind));
  const segmentCharts = await page.$$eval("#view [data-segment-kind]", (cards) => cards.map((card) => card.dataset.segmentKind));
  assert.deepEqual(new Set(segmentCharts), kinds);
  const growth = drawn.find((chart) => chart.className.includes("growth-chart"));
  assert.ok(growth, "the growth chart is drawn");
  assert.equal(growth.series[0].points, rows(audience.growth).length);
  const unfollowRows = await page.$$eval("#view .unfollows-table tbody tr", (trs) => trs.length);
  assert.ok(unfollowRows > 0, "the unfollows table has rows");
  const summary = rows(audience.audience)[0];
  const memberRows = await page.$$eval("#view .members-table tbody tr", (trs) => trs.length);
  assert.equal(memberRows, Math.min(25, summary.target_followers), "the target's members are listed");
  await screenshot(page, "audience");
  // Paging: the next page asks the API for the following rows.
  const firstHandle = await page.$eval("#view .unfollows-table tbody tr .handle-link", (link) => link.dataset.handle);
  const next = page.locator("#view .unfollows-table .pager-button", { hasText: "Next" });
  if (await next.isEnabled()) {
    await next.click();
    await page.waitForFunction((handle) => {
      const link = document.querySelector("#view .unfollows-table tbody tr .handle-link");
      return link && link.dataset.handle !== handle && !document.querySelector("#view .unfollows-table .state-loading");
    }, firstHandle);
    const status = await page.$eval("#view .unfollows-table .pager-status", (element) => element.textContent);
    assert.match(status, /^26–/);
  }
  await page.close();
});

test("reach draws the expected audience per post and the week-hour heat map", async () => {
  const when = await api("reach?when=1");
  const page = await newPage();
  await openView(page, "reach");
  const drawn = await charts(page);
  const posts = drawn.find((chart) => chart.className.includes("posts-chart"));
  assert.ok(posts && pointsOf(posts) > 0, "the per-post chart has points");
  const heat = drawn.find((chart) => chart.className.includes("heatmap-chart"));
  assert.ok(heat, "the heat map is drawn");
  assert.equal(heat.series[0].type, "heatmap");
  assert.equal(heat.series[0].points, rows(when.week_hours).length * 24);
  assert.ok((await tableRowCounts(page)).some((count) => count > 0), "a table has rows");
  await screenshot(page, "reach");
  await page.close();
});

test("influence draws the score breakdown, the ranking and the agreement", async () => {
  const agreement = await api("influence?agreement=1");
  const page = await newPage();
  await openView(page, "influence");
  const drawn = await charts(page);
  const breakdown = drawn.find((chart) => chart.className.includes("breakdown-chart"));
  assert.ok(breakdown && breakdown.series.length > 1, "the breakdown stacks several components");
  assert.ok(pointsOf(breakdown) > 0);
  const rho = drawn.find((chart) => chart.className.includes("agreement-chart"));
  assert.ok(rho, "the agreement chart is drawn");
  assert.equal(rho.series[0].points, rows(agreement.agreement).length);
  const rankingRows = await page.$$eval("#view .table-card tbody tr", (trs) => trs.length);
  assert.equal(rankingRows, 25, "the ranking shows its first page of 25");
  await screenshot(page, "influence");
  await page.close();
});

test("listen answers a query with volume, share of voice, voices and sentiment", async () => {
  const report = await api(`listen?query=${encodeURIComponent(LISTEN_QUERY)}&top=10`);
  const matched = rows(report.summary)[0].matched;
  assert.ok(matched > 0, `the demo workspace has posts matching ${LISTEN_QUERY}`);
  const page = await newPage();
  await openView(page, "listen");
  assert.equal(await page.locator("#view .state-empty").count(), 1, "without a query the view asks for one");
  await page.fill('#view input[name="query"]', LISTEN_QUERY);
  await page.click('#view .listen-form button[type="submit"]');
  await page.waitForFunction(() => document.querySelector("#view .volume-chart") && !document.querySelector("#view .state-loading"), null, { timeout: 60000 });
  const drawn = await charts(page);
  const volume = drawn.find((chart) => chart.className.includes("volume-chart"));
  assert.equal(volume.series.length, 4);
  assert.equal(volume.series[0].points, rows(report.volume).length);
  const share = drawn.find((chart) => chart.className.includes("share-chart"));
  assert.ok(share && share.series[0].points > 0, "share of voice is drawn");
  const sentiment = drawn.find((chart) => chart.className.includes("sentiment-chart"));
  assert.equal(sentiment.series[0].points, 4);
  const matchedText = await page.$$eval("#view .stat", (cards) => cards.find((card) => card.querySelector(".stat-label").textContent === "matched posts").querySelector(".stat-value").textContent);
  assert.equal(matchedText, formatted(matched));
  const voiceRows = await page.$$eval("#view .card", (cards) => {
    const voices = cards.find((card) => card.querySelector("h3")?.textContent === "Top voices by reach");
    return voices ? voices.querySelectorAll("tbody tr").length : 0;
  });
  assert.equal(voiceRows, rows(report.voices_by_reach).length, "every top voice is listed");
  assert.match(page.url(), /#\/listen\?query=/);
  await screenshot(page, "listen");
  await page.close();
});

test("a query the API rejects shows the API's message in the view", async () => {
  const badQuery = "pfizer AND (";
  const response = await fetch(new URL(`api/v1/listen?query=${encodeURIComponent(badQuery)}`, BASE_URL));
  assert.equal(response.status, 400);
  const { error } = await response.json();
  assert.ok(error, "the API explains the error");
  const page = await newPage();
  await page.goto(new URL(`#/listen?query=${encodeURIComponent(badQuery)}`, BASE_URL).href);
  await page.waitForSelector("#view .state-error .error-message");
  assert.equal(await page.textContent("#view .state-error .error-message"), error);
  await page.close();
});

test("trends lists bursts and shows the replayed stream's windows live", async () => {
  const trends = await api("trends?top=50");
  const page = await newPage();
  await openView(page, "trends");
  const drawn = await charts(page);
  const bursts = drawn.find((chart) => chart.className.includes("bursts-chart"));
  assert.ok(rows(trends.bursts).length > 0, "the demo workspace has bursts");
  assert.equal(bursts.series[0].points, Math.min(15, rows(trends.bursts).length));
  const burstRows = await page.$$eval("#view .table-card tbody tr", (trs) => trs.length);
  assert.equal(burstRows, Math.min(25, rows(trends.bursts).length));
  // The server replays the sample's PHEME stream (run-browser-tests.sh): its windows arrive as events.
  await page.waitForFunction(() => document.querySelector("#view .live-panel .live-text")?.textContent === "Watch running",
                             null, { timeout: 15000 });
  await page.waitForSelector("#view .live-panel .live-chart");
  const live = (await charts(page)).find((chart) => chart.className.includes("live-chart"));
  assert.ok(live && live.series[0].points > 0, "the live chart has windows");
  await screenshot(page, "trends");
  await page.close();
});

test("content mix draws the thirds, the months and the recent posts, and scores a draft", async () => {
  const mix = await api("mix?posts=1");
  const page = await newPage();
  await openView(page, "mix");
  const drawn = await charts(page);
  const thirds = drawn.find((chart) => chart.className.includes("thirds-chart"));
  assert.equal(thirds.series[0].points, 3);
  const summary = rows(mix.mix_summary)[0];
  assert.ok(summary.posts > 0);
  const postRows = await page.$$eval("#view .table-card tbody tr", (trs) => trs.length);
  assert.equal(postRows, Math.min(25, summary.posts));
  await page.fill('#view input[name="draft"]', "Sign up for our breaking news alerts");
  await page.click('#view form:has(input[name="draft"]) button[type="submit"]');
  await page.waitForFunction(() => document.querySelector("#view .draft-result .stat") && !document.querySelector("#view .draft-result .state-loading"));
  const draft = await api(`mix?draft=${encodeURIComponent("Sign up for our breaking news alerts")}`);
  const shownClass = await page.$eval("#view .draft-result .stat .stat-value", (element) => element.textContent);
  assert.equal(shownClass, rows(draft.draft)[0].class);
  await screenshot(page, "mix");
  await page.close();
});

test("network draws the crowd with sigma, one node per account", async () => {
  const network = await api("network?layer=follow&limit=300");
  assert.ok(network.nodes.length > 0);
  const page = await newPage();
  await openView(page, "network");
  await page.waitForFunction(() => window.crowdlens.network() !== null);
  const drawn = await page.evaluate(() => {
    const { graph, renderer } = window.crowdlens.network();
    return { nodes: graph.order, edges: graph.size, owner: graph.filterNodes((_, attributes) => attributes.kind === "owner").length, canvases: renderer.getContainer().querySelectorAll("canvas").length };
  });
  assert.equal(drawn.nodes, new Set(network.nodes.map((node) => String(node.id))).size);
  assert.ok(drawn.edges > 0, "the follow layer has edges");
  assert.equal(drawn.owner, network.nodes.filter((node) => node.kind === "owner").length);
  assert.ok(drawn.canvases > 0, "sigma drew into canvases");
  await screenshot(page, "network");
  await page.close();
});

test("clicking an account handle opens that account's detail panel", async () => {
  const page = await newPage();
  await openView(page, "overview");
  const link = page.locator("#view .overview-influence .handle-link").first();
  const handle = await link.getAttribute("data-handle");
  const account = await api(`accounts/${encodeURIComponent(handle)}`);
  await link.click();
  await page.waitForFunction(() => {
    const panel = document.getElementById("account-panel");
    return !panel.hidden && panel.querySelector(".panel-body") && !panel.querySelector(".state-loading");
  });
  assert.equal(await page.textContent("#account-panel .panel-title"), `@${handle}`);
  assert.equal(await page.locator("#account-panel .state-error").count(), 0);
  const facts = await page.$$eval("#account-panel .fact", (items) => Object.fromEntries(items.map((item) => [item.querySelector("dt").textContent, item.querySelector("dd").textContent])));
  const influenceRow = rows(account.influence)[0];
  assert.equal(facts.Score, new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }).format(influenceRow.score));
  const [breakdown] = await charts(page, "#account-panel");
  assert.ok(breakdown && breakdown.series[0].points > 0, "the panel draws the score breakdown");
  await screenshot(page, "account-panel");
  await page.keyboard.press("Escape");
  assert.equal(await page.evaluate(() => document.getElementById("account-panel").hidden), true);
  await page.close();
});

test("discover lists prospects, suggestions, triage and the engagement queue, each row with its reasons", async () => {
  const bursts = rows((await api("trends?top=20")).bursts);
  const subject = bursts.find((row) => String(row.item).startsWith("#")).item;
  const prospects = await api(`prospects?hashtag=${encodeURIComponent(subject)}&top=25`);
  const suggest = await api("suggest?top=15");
  const triage = await api("triage?top=25");
  const engage = await api("engage?top=20");
  const page = await newPage();
  await openView(page, "discover");
  const count = (selector) => page.$$eval(`#view ${selector} tbody tr`, (trs) => trs.length);
  const firstTen = (table) => Math.min(10, rows(table).length);  // a card shows ten rows until asked for all
  assert.equal(await page.inputValue('#view input[name="subject"]'), subject);
  assert.ok(rows(prospects.prospects).length > 0, "the busiest hashtag has prospects");
  assert.equal(await count(".prospects-list"), firstTen(prospects.prospects));
  await page.click("#view .prospects-list button.show-all");
  assert.equal(await count(".prospects-list"), rows(prospects.prospects).length);
  assert.equal(await count(".interested-in"), firstTen(suggest.interested_in));
  assert.equal(await count(".follow-back"), firstTen(triage.follow_back));
  assert.ok(rows(triage.follow_back).length > 0, "the owner has followers not followed back");
  assert.equal(await count(".engage-queue"), firstTen(engage.engage));
  // Every listed row says why it is there.
  const emptyReasons = await page.$$eval("#view .card table.data-table", (tables) =>
    tables.flatMap((table) => {
      const headers = [...table.tHead.rows[0].cells].map((cell) => cell.textContent.toLowerCase());
      const why = headers.indexOf("why");
      return why < 0 ? [] : [...table.tBodies[0].rows].filter((row) => !row.cells[why].textContent.trim()).map((row) => row.textContent);
    }),
  );
  assert.deepEqual(emptyReasons, []);
  // Asking for another subject ranks its prospects.
  await page.fill('#view input[name="subject"]', "germanwings");
  await page.click('#view .prospects-section button[type="submit"]');
  const germanwings = await api("prospects?hashtag=germanwings&top=25");
  await page.waitForFunction((first) => {
    const cell = document.querySelector("#view .prospects-list tbody tr td:nth-child(2)");
    return cell && cell.textContent.includes(first) && !document.querySelector("#view .prospects-section .state-loading");
  }, rows(germanwings.prospects)[0].handle);
  await screenshot(page, "discover");
  await page.close();
});

test("events shows an event's phases and roles, the meeting shortlist with its calendar, and the matched contacts", async () => {
  const query = "tag=germanwings&from=2015-03-24&to=2015-03-25";
  const event = await api(`event?${query}`);
  const matches = await api("match");
  const page = await newPage();
  await openView(page, "events?tags=germanwings&from=2015-03-24&to=2015-03-25");
  const drawn = await charts(page);
  const phases = drawn.find((chart) => chart.className.includes("phases-chart"));
  assert.ok(phases, "the phases chart is drawn");
  assert.equal(Math.max(...phases.series.map((series) => series.points)), 3);
  const roles = drawn.find((chart) => chart.className.includes("roles-chart"));
  assert.equal(roles.series[0].points, rows(event.roles).length);
  const count = (selector) => page.$$eval(`#view ${selector} tbody tr`, (trs) => trs.length);
  const firstTen = (table) => Math.min(10, rows(table).length);  // a card shows ten rows until asked for all
  assert.ok(rows(event.shortlist).length > 0);
  assert.equal(await count(".shortlist"), firstTen(event.shortlist));
  assert.equal(await count(".event-crowd"), firstTen(event.crowd));
  assert.ok(rows(matches.matches).length > 10, "the demo's address book matched accounts");
  assert.equal(await count(".contact-matches"), 10);
  await page.click("#view .contact-matches button.show-all");
  assert.equal(await count(".contact-matches"), rows(matches.matches).length);
  const href = await page.getAttribute("#view a.ics-link", "href");
  const calendar = await fetch(new URL(href, BASE_URL));
  assert.equal(calendar.status, 200);
  assert.match(calendar.headers.get("content-type"), /^text\/calendar/);
  const text = await calendar.text();
  assert.equal(text.split("BEGIN:VEVENT").length - 1, rows(event.shortlist).filter((row) => row.slot).length);
  await screenshot(page, "events");
  await page.close();
});

test("no view threw an uncaught error in the page", () => {
  assert.deepEqual(pageErrors, [], `uncaught errors:\n${pageErrors.join("\n")}`);
});
