import sharp from "sharp";
import { expect, test, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { demo, signIn, sql } from "./support";

const unique = () => Math.random().toString(36).slice(2, 8);

async function imageFile(name: string, hue: number) {
  const buffer = await sharp({ create: { width: 800, height: 450, channels: 3, background: { r: hue, g: 120, b: 200 - hue / 2 } } }).jpeg().toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}

async function uploadThroughDialog(page: Page, trigger: string, file: Awaited<ReturnType<typeof imageFile>>, details: { alt: string; caption: string; credit: string }) {
  await page.getByLabel(trigger).setInputFiles(file);
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Alt text").fill(details.alt);
  await dialog.getByLabel("Caption").fill(details.caption);
  await dialog.getByLabel("Credit").fill(details.credit);
  await dialog.getByRole("button", { name: "Upload" }).click();
  await expect(dialog).toBeHidden();
}

async function readerPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test("[AUTHOR] register, write with cover and inline image, preview, publish, edit live, unpublish", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const id = unique();
  const email = `writer-${id}@example.test`;
  const password = "a-long-unusual-passphrase-91";

  // Register: new accounts are readers, who cannot reach the dashboard.
  await page.goto("/register");
  await page.getByLabel("Display name").fill(`Wren ${id}`);
  await page.getByLabel("Username").fill(`wren-${id}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect((await sql<{ role: string }>(`SELECT role FROM "User" WHERE email = $1`, [email]))[0]!.role).toBe("READER");
  const forbidden = await page.goto("/dashboard/posts");
  expect(forbidden!.status()).toBe(403);

  // An admin promotes the new account on the users page.
  const admin = await readerPage(browser);
  await signIn(admin, demo.admin, undefined, "/admin/users");
  await admin.getByLabel("Name, username or email").fill(email);
  await admin.getByRole("search", { name: "Search users" }).getByRole("button", { name: "Search" }).click();
  await admin.getByLabel(`Role of Wren ${id}`).selectOption("AUTHOR");
  await admin.getByRole("button", { name: `Change role of Wren ${id}` }).click();
  await expect(admin.getByRole("status")).toContainText(`Wren ${id}’s role is now Author.`);
  await admin.context().close();
  expect((await sql<{ role: string }>(`SELECT role FROM "User" WHERE email = $1`, [email]))[0]!.role).toBe("AUTHOR");
  await page.goto("/dashboard/posts");
  await expect(page.getByRole("heading", { level: 1, name: "My Posts" })).toBeVisible();
  await page.getByRole("button", { name: "New post" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[a-z0-9]+\/edit$/);

  const title = `Harbour lights ${id}`;
  await page.getByLabel("Title").fill(title);
  await expect(page.getByLabel("Slug")).toHaveValue(`harbour-lights-${id}`);
  await page.getByLabel("Content (Markdown)").fill("The ferries run late in winter.\n\n## At the quay\n\nLanterns line the water.\n");
  await page.getByLabel("Excerpt").fill("A night on the waterfront.");
  await uploadThroughDialog(page, "Upload cover image", await imageFile("cover.jpg", 30), { alt: "The quay at dusk", caption: "Evening at the quay", credit: "Photo: Wren" });
  await expect(page.getByRole("img", { name: "The quay at dusk" })).toBeVisible();
  await page.getByLabel("Content (Markdown)").press("End");
  await uploadThroughDialog(page, "Insert image", await imageFile("lantern.jpg", 160), { alt: "A lantern", caption: "Lanterns on the harbour wall", credit: "Photo: Kit" });
  await expect(page.getByLabel("Content (Markdown)")).toHaveValue(/!\[A lantern\]\(\/media\/\d{4}\/\d{2}\/[a-f0-9]+-800x450\.jpg "Lanterns on the harbour wall \| Photo: Kit"\)/);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[a-z0-9]+\/edit$/);
  await expect(page.getByText(/\d+ words · 1 min read/)).toBeVisible();

  // Live preview renders like the article page.
  await page.getByRole("tab", { name: "Preview" }).click();
  const preview = page.locator("#panel-preview");
  await expect(preview.getByRole("heading", { name: title })).toBeVisible();
  await expect(preview.locator(".article-cover figcaption")).toContainText("Evening at the quay");
  await expect(preview.locator(".article-body figure figcaption .caption")).toHaveText("Lanterns on the harbour wall");
  await expect(preview.locator(".article-body figure img")).toHaveAttribute("alt", "A lantern");
  await expect(preview.locator(".article-body h2")).toHaveText("At the quay");
  await page.getByRole("tab", { name: "Write" }).click();

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  const [stored] = await sql<{ slug: string; status: string; coverMediaId: string | null }>(`SELECT slug, status, "coverMediaId" FROM "Post" WHERE title = $1`, [title]);
  expect(stored).toMatchObject({ slug: `harbour-lights-${id}`, status: "PUBLISHED" });
  expect(stored!.coverMediaId).toBeTruthy();

  // A signed-out reader sees it on the home page and on its article page.
  const reader = await readerPage(browser);
  await reader.goto("/");
  await expect(reader.getByRole("link", { name: title }).first()).toBeVisible();
  await reader.goto(`/posts/${stored!.slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.locator(".article-cover img")).toHaveAttribute("alt", "The quay at dusk");
  await expect(reader.locator(".article-body figure img")).toHaveAttribute("alt", "A lantern");
  await expect(reader.locator(".article-body figcaption .credit")).toHaveText("Photo: Kit");

  // Edit the live post: the very next reader request after "Update" shows the change
  // (pages are expired on demand, never left to a timer). How long that took is logged;
  // speed itself is measured by `npm run bench`, not asserted here.
  await page.getByLabel("Content (Markdown)").fill("The ferries now run all night.\n");
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText("Updated. Readers see the change now.")).toBeVisible();
  const updatedAt = Date.now();
  await reader.goto(`/posts/${stored!.slug}`);
  await expect(reader.locator(".article-body")).toContainText("The ferries now run all night.", { timeout: 1 });
  const visibleAfterMs = Date.now() - updatedAt;
  test.info().annotations.push({ type: "public-after-update-ms", description: String(visibleAfterMs) });
  console.log(`edit visible to readers ${visibleAfterMs} ms after "Update" returned`);

  // Unpublish: readers get a 404.
  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByText("Unpublished. Readers no longer see this post.")).toBeVisible();
  const gone = await reader.goto(`/posts/${stored!.slug}`);
  expect(gone!.status()).toBe(404);
  await reader.context().close();
});

test("[AUTHOR] autosave survives a reload, and a dropped network is retried without losing text", async ({ page, context }) => {
  await signIn(page, demo.author);
  await page.goto("/dashboard/posts/new");
  const title = `Autosaved ${unique()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Content (Markdown)").fill("First paragraph, never saved by hand.");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(page).toHaveURL(/\/edit$/);
  await page.reload();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Content (Markdown)")).toHaveValue("First paragraph, never saved by hand.");

  // Network drops: the editor says so, keeps the text, and saves once back online.
  await context.setOffline(true);
  await page.getByLabel("Content (Markdown)").fill("Written while offline.");
  await expect(page.getByRole("status").filter({ hasText: "Not saved — retrying" })).toBeVisible({ timeout: 15_000 });
  await context.setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  expect((await sql<{ body: string }>(`SELECT body FROM "Post" WHERE title = $1`, [title]))[0]!.body).toBe("Written while offline.");

  // The tab dies while offline (a crash: no pagehide, no last request): the next visit offers the copy kept in the browser.
  // Closing the page instead would race its keepalive save against the offline emulation.
  const url = page.url();
  await context.setOffline(true);
  await page.getByLabel("Content (Markdown)").fill("Typed just before the tab crashed.");
  await expect(page.getByRole("status").filter({ hasText: /Unsaved changes|Not saved/ })).toBeVisible();
  await expect.poll(() => page.evaluate(() => Object.values(window.localStorage).some((v) => v.includes("Typed just before the tab crashed.")))).toBe(true);
  const crashed = new Promise((resolve) => page.once("crash", resolve));
  const cdp = await context.newCDPSession(page);
  void cdp.send("Page.crash").catch(() => undefined);
  await crashed;
  await page.close();
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByText("This browser kept changes that were not saved")).toBeVisible();
  await again.getByRole("button", { name: "Restore unsaved changes" }).click();
  await expect(again.getByLabel("Content (Markdown)")).toHaveValue("Typed just before the tab crashed.");
  await expect(again.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  expect((await sql<{ body: string }>(`SELECT body FROM "Post" WHERE title = $1`, [title]))[0]!.body).toBe("Typed just before the tab crashed.");

  // Closing the tab before the autosave delay sends the text with a keepalive request.
  await again.getByLabel("Content (Markdown)").fill("Typed just before the tab closed.");
  await again.close();
  await expect
    .poll(async () => (await sql<{ body: string }>(`SELECT body FROM "Post" WHERE title = $1`, [title]))[0]!.body)
    .toBe("Typed just before the tab closed.");
});

test("[AUTHOR] text typed and a click made before the editor has loaded its scripts are kept", async ({ page }) => {
  await signIn(page, demo.author, undefined, "/dashboard/posts/new");
  const editUrl = page.url();
  // A slow network: the server-rendered fields are there to type into before React hydrates them.
  await page.route(/\/_next\/static\/chunks\/.*\.js/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  await page.goto(editUrl, { waitUntil: "commit" });
  const title = `Typed early ${unique()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Content (Markdown)").fill("Written before the page finished loading.");
  // The buttons wait for the scripts (disabled until hydration) instead of swallowing this click.
  await page.getByRole("button", { name: "Save draft" }).click({ timeout: 20_000 });
  await expect(page.getByText("Draft saved.")).toBeVisible();
  const [stored] = await sql<{ body: string; slug: string }>(`SELECT body, slug FROM "Post" WHERE title = $1`, [title]);
  expect(stored).toEqual({ body: "Written before the page finished loading.", slug: title.toLowerCase().replace(/[^a-z0-9]+/g, "-") });
});

test("[AUTHOR] a conflict between two browser contexts is shown and neither text is lost", async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await signIn(a, demo.author);
  await signIn(b, demo.author);
  await a.goto("/dashboard/posts/new");
  const title = `Contested ${unique()}`;
  await a.getByLabel("Title").fill(title);
  await a.getByLabel("Content (Markdown)").fill("Original text.");
  await expect(a.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  const editUrl = a.url();
  await b.goto(editUrl);
  await expect(b.getByLabel("Content (Markdown)")).toHaveValue("Original text.");

  await a.getByLabel("Content (Markdown)").fill("Tab A's version.");
  await expect(a.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await b.getByLabel("Content (Markdown)").fill("Tab B's version.");
  await expect(b.getByRole("alert").filter({ hasText: "This post was changed elsewhere" })).toBeVisible();
  await expect(b.getByRole("status").filter({ hasText: "Not saved — conflict" })).toBeVisible();
  await expect(b.getByLabel("Content (Markdown)")).toHaveValue("Tab B's version.");
  expect((await sql<{ body: string }>(`SELECT body FROM "Post" WHERE title = $1`, [title]))[0]!.body).toBe("Tab A's version.");

  await b.getByRole("button", { name: "Keep my copy" }).click();
  await expect(b.getByText("Your copy was saved as this new draft.")).toBeVisible();
  await expect(b.getByLabel("Content (Markdown)")).toHaveValue("Tab B's version.");
  const rows = await sql<{ title: string; body: string }>(`SELECT title, body FROM "Post" WHERE title LIKE $1 ORDER BY title`, [`${title}%`]);
  expect(rows).toEqual([
    { title, body: "Tab A's version." },
    { title: `${title} (my copy)`, body: "Tab B's version." },
  ]);

  // "Reload their version" in A after B's copy: nothing conflicts any more, A still has its own text.
  await a.reload();
  await expect(a.getByLabel("Content (Markdown)")).toHaveValue("Tab A's version.");
});

test("[CONTRIBUTOR] gets Save draft and Submit for review, never Publish; the editor is accessible", async ({ page }) => {
  await signIn(page, demo.contributor);
  await page.goto("/dashboard/posts/new");
  await page.getByLabel("Title").fill(`Pitch ${unique()}`);
  await page.getByLabel("Content (Markdown)").fill("A story idea.");
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Schedule" })).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
  await page.goto("/dashboard/posts?status=IN_REVIEW");
  await expect(page.locator("tbody tr").first()).toContainText("In review");
});

test("[READER] the dashboard needs sign-in; /setup is closed once accounts exist", async ({ page }) => {
  await page.goto("/dashboard/posts");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard%2Fposts/);
  const setup = await page.goto("/setup");
  expect(setup!.status()).toBe(404);
});

test("[AUTHOR] My Posts filters, searches and deletes in two steps", async ({ page }) => {
  await signIn(page, demo.author);
  await page.goto("/dashboard/posts/new");
  const title = `Disposable ${unique()}`;
  await page.getByLabel("Title").fill(title);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.goto(`/dashboard/posts?q=${encodeURIComponent(title)}`);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Delete “${title}”` }).click();
  await expect(page.locator("tbody tr").first()).toContainText("Archived");
  await page.getByRole("button", { name: `Delete for good “${title}”` }).click();
  await expect(page.getByText("No posts match.")).toBeVisible();
  expect(await sql(`SELECT id FROM "Post" WHERE title = $1`, [title])).toHaveLength(0);
});

test("[READER] a form keeps what was typed: errors sit under their fields and take the focus; the profile saves an avatar file", async ({ page }) => {
  const id = unique();
  const email = `forms-${id}@example.test`;
  await page.goto("/register");
  await page.getByLabel("Display name").fill(`Fern ${id}`);
  await page.getByLabel("Username").fill("No!");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-unusual-passphrase-92");
  await page.getByRole("button", { name: "Create account" }).click();
  const username = page.getByLabel("Username");
  await expect(page.locator(".form-error")).toBeVisible();
  await expect(username).toHaveAttribute("aria-invalid", "true");
  await expect(username).toHaveAccessibleDescription(/Use lowercase letters, digits, hyphens and underscores/);
  await expect(username).toBeFocused();
  // Nothing typed is lost, and only the invalid field is marked.
  await expect(page.getByLabel("Display name")).toHaveValue(`Fern ${id}`);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Password")).toHaveValue("a-long-unusual-passphrase-92");
  await expect(page.getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true");
  await username.fill(`fern-${id}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/$/);

  // The avatar is a file: it reaches the server action through the same form.
  await page.goto("/settings/profile");
  await page.getByLabel("Bio").fill("I read about rivers.");
  await page.getByLabel("Avatar").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: Buffer.from("not an image at all") });
  await page.getByRole("button", { name: "Save profile" }).click();
  const avatar = page.getByLabel("Avatar");
  await expect(avatar).toHaveAttribute("aria-invalid", "true");
  await expect(avatar).toHaveAccessibleDescription(/That file is not a JPEG, PNG, WebP or GIF image\./);
  await expect(avatar).toBeFocused();
  await expect(page.getByLabel("Bio")).toHaveValue("I read about rivers.");
  await avatar.setInputFiles(await imageFile("me.jpg", 90));
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Profile saved.");
  await expect(page.getByRole("img", { name: "Your current avatar" })).toBeVisible();
  const [saved] = await sql<{ bio: string; avatarMediaId: string | null }>(`SELECT bio, "avatarMediaId" FROM "User" WHERE email = $1`, [email]);
  expect(saved!.bio).toBe("I read about rivers.");
  expect(saved!.avatarMediaId).not.toBeNull();
});

test("[ANONYMOUS] sign-in shows the rate limit message", async ({ page }) => {
  // An address of its own: another test signing in as a demo user would reset that account's counter.
  const email = `locked-${Date.now()}@example.test`;
  for (let i = 0; i < 5; i++) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("wrong-password-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".form-error")).toContainText("don't match");
  }
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".form-error")).toContainText(/Too many sign-in attempts\. Try again in \d+ minutes?\./);
  await sql(`DELETE FROM "SignInBackoff" WHERE key = $1`, [`signin:account:${email}`]);
});
