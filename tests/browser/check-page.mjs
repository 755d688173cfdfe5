// Drives newslint's page in the system Chromium: pastes an article, waits for the
// findings, checks the two structural ones are listed and highlighted, jumps to one,
// opens a rule's explanation, applies all safe fixes and checks the text.
// Usage: node check-page.mjs BASE_URL ARTICLE_PATH|--sample SCREENSHOT_DIR
import { chromium } from "playwright-core";
import { readFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const [base, articlePath, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

function expect(condition, what) {
  if (!condition) throw new Error(`page test failed: ${what}`);
  console.log(`ok: ${what}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  // A fresh profile for each run (playwright's persistent-less context is one).
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (err) => problems.push(err.message));
  page.on("console", (msg) => { if (msg.type() === "error") problems.push(msg.text()); });
  await page.goto(base);

  const text = page.locator("#text");
  if (articlePath === "--sample") {
    await page.click("#load-sample");
  } else {
    await text.focus();
    await page.keyboard.insertText(readFileSync(articlePath, "utf8"));
  }
  const dateFinding = page.locator('li.finding[data-rule="date-format"]');
  const strayFinding = page.locator('li.finding[data-rule="stray-text"]');
  await dateFinding.first().waitFor({ timeout: 30000 });
  await strayFinding.first().waitFor({ timeout: 30000 });
  const lines = await text.evaluate((t) => t.value.trimEnd().split("\n").length);
  expect((await dateFinding.first().innerText()).includes("line 5,"), "the date-format finding is listed at line 5");
  expect((await strayFinding.first().innerText()).includes(`line ${lines},`), `the stray-text finding is listed at line ${lines}, the last`);
  const dateMark = page.locator('mark[data-rules~="date-format"]');
  const strayMark = page.locator('mark[data-rules~="stray-text"]');
  expect((await dateMark.first().textContent()) === "2025.05.09", "the date is highlighted in the text");
  expect((await strayMark.first().textContent()) === "a", "the stray \"a\" is highlighted in the text");
  expect(await strayMark.first().evaluate((m) => getComputedStyle(m).backgroundColor !== "rgba(0, 0, 0, 0)"), "the highlight is visible");

  // Click a finding: the text jumps there with the span selected.
  await strayFinding.first().locator("button.jump").click();
  const selectedText = await text.evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
  expect(selectedText === "a", "clicking the finding selects its span in the text");
  // Keyboard: F8 moves to the next finding (wrapping to the first).
  await page.keyboard.press("F8");
  expect(await page.locator("li.finding.selected").count() === 1, "F8 selects a finding");

  // Keyboard: Tab reaches every control, the text and the findings, in page order.
  await page.locator("#load-sample").focus();
  await page.keyboard.press("Shift+Tab");
  const reached = [];
  for (let i = 0; i < 40; i++) {
    reached.push(await page.evaluate(() => {
      const el = document.activeElement;
      return el.id || el.className || el.tagName;
    }));
    await page.keyboard.press("Tab");
  }
  for (const id of ["open-file", "load-sample", "check", "fix-all", "download", "text", "jump", "fix-one", "why"]) {
    expect(reached.includes(id), `Tab reaches ${id}`);
  }
  // Enter on a focused finding jumps to it, as a click does.
  await strayFinding.first().locator("button.jump").focus();
  await page.keyboard.press("Enter");
  expect(await text.evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd)) === "a", "Enter on a finding selects its span");

  // The rule's explanation.
  await dateFinding.first().locator("button.why").click();
  await dateFinding.first().locator(".explanation").waitFor();
  expect((await dateFinding.first().locator(".explanation").innerText()).length > 20, "the rule's explanation opens");
  await page.screenshot({ path: join(shots, "page-findings.png") });

  // One fix, then all safe fixes.
  await dateFinding.first().locator("button.fix-one").click();
  await page.waitForFunction(() => document.querySelector("#text").value.includes("2025-05-09"));
  await page.waitForFunction(() => !document.querySelector('li.finding[data-rule="date-format"]'));
  expect(true, "one fix applied and the article checked again");
  await page.click("#fix-all");
  await page.waitForFunction(() => /applied/.test(document.querySelector("#status").textContent));
  const fixed = await text.inputValue();
  expect(fixed.includes("2025-05-09"), "the fixed text has 2025-05-09");
  expect(!/\n\s*a\s*$/.test(fixed), "the stray \"a\" is gone");
  expect(await strayFinding.count() === 0 && await dateFinding.count() === 0, "neither finding is left");
  await page.screenshot({ path: join(shots, "page-fixed.png") });

  // Undo brings the last state back.
  await page.click("#undo");
  await page.waitForFunction(() => /\n\s*a\s*$/.test(document.querySelector("#text").value));
  expect(true, "undo restores the text before the fixes");
  expect(problems.length === 0, `no script errors (${problems.join("; ")})`);
} finally {
  await browser.close();
}
