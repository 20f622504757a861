/**
 * Demo people, sections, tags and comments for Broadsheet. The articles are
 * Markdown files with front matter in lib/seed/articles/ (read by articles.ts).
 *
 * Everything here and there is original fiction written for seeding a demo
 * instance. Harbourford and every person, business and organisation named
 * are invented; any resemblance to real people or places is coincidental.
 *
 * Article bodies contain exactly one inline figure in the form
 * `![alt](figure:<key> "caption | credit")`, which the seed rewrites to the
 * generated image URL, and exactly one "You might also want to read" link
 * pointing at another PUBLISHED article.
 */

export type DemoCategory = { slug: string; name: string; description: string };

export type DemoTag = { slug: string; name: string };

export type DemoUser = {
  username: string;
  displayName: string;
  email: string;
  role: "READER" | "CONTRIBUTOR" | "AUTHOR" | "EDITOR" | "ADMIN";
  bio: string;
  avatarHue: number;
};

export type DemoImage = {
  key: string;
  alt: string;
  caption: string;
  credit: string;
  hue: number;
  motif: "skyline" | "waves" | "hills" | "grid" | "circles" | "bars";
};

export type DemoComment = {
  article: string /* slug of a PUBLISHED article */;
  author: string /* username */;
  // A reader's first comment waits for moderation; once one is approved the next go straight out.
  status: "APPROVED" | "PENDING";
  hoursAfterPublication: number;
  body: string;
  reports?: { reporter: string /* username */; reason: string }[];
};

export type DemoArticle = {
  slug: string /* the file name without .md */;
  title: string;
  excerpt: string;
  category: string /* category slug */;
  tags: string[] /* tag slugs */;
  author: string /* username */;
  status: "PUBLISHED" | "DRAFT" | "IN_REVIEW" | "SCHEDULED";
  daysAgo: number; // publication date relative to seeding time; negative = future (used for SCHEDULED)
  cover: DemoImage;
  figure: DemoImage;
  related: string /* slug of another PUBLISHED article */;
  body: string; // Markdown (the file's content after the front matter)
};

// ---------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------

export const demoCategories: DemoCategory[] = [
  {
    slug: "city",
    name: "City",
    description: "News from Harbourford's streets, council chamber and neighbourhoods.",
  },
  {
    slug: "science",
    name: "Science",
    description: "Research, health and the environment, from the laboratory bench to the shoreline.",
  },
  {
    slug: "culture",
    name: "Culture",
    description: "Arts, music, theatre and the people who shape Harbourford's cultural life.",
  },
  {
    slug: "business",
    name: "Business",
    description: "Local firms, jobs, the port and the economy that keeps the city running.",
  },
];

// ---------------------------------------------------------------------------
// Tags
// ---------------------------------------------------------------------------

export const demoTags: DemoTag[] = [
  { slug: "transport", name: "Transport" },
  { slug: "housing", name: "Housing" },
  { slug: "environment", name: "Environment" },
  { slug: "local-government", name: "Local government" },
  { slug: "technology", name: "Technology" },
  { slug: "arts", name: "Arts" },
  { slug: "health", name: "Health" },
  { slug: "education", name: "Education" },
  { slug: "economy", name: "Economy" },
  { slug: "cost-of-living", name: "Cost of living" },
];

// ---------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------

export const demoUsers: DemoUser[] = [
  {
    username: "amara",
    displayName: "Amara Osei",
    email: "amara@broadsheet.test",
    role: "AUTHOR",
    bio: "Amara Osei is Broadsheet's city affairs correspondent, covering transport, planning and the council chamber. She joined from a regional daily in 2019 and still cycles to every meeting she reports on.",
    avatarHue: 14,
  },
  {
    username: "tomasz",
    displayName: "Tomasz Zielinski",
    email: "tomasz@broadsheet.test",
    role: "AUTHOR",
    bio: "Tomasz Zielinski writes about business, the port and the science of the coast. Before journalism he spent six years as a marine surveyor, which explains his fondness for tide tables.",
    avatarHue: 205,
  },
  {
    username: "lucia",
    displayName: "Lucia Ferrante",
    email: "lucia@broadsheet.test",
    role: "AUTHOR",
    bio: "Lucia Ferrante covers culture, health and the environment, and edits the weekly arts listings. She has reported from Harbourford for a decade. Tips about gigs, galleries and green spaces are always welcome.",
    avatarHue: 325,
  },
  {
    username: "kit",
    displayName: "Kit Ashdown",
    email: "kit@broadsheet.test",
    role: "CONTRIBUTOR",
    bio: "Kit Ashdown is a community contributor and part-time photographer who writes about accessibility and neighbourhood life. They volunteer with several local charities and file stories from the north of the city.",
    avatarHue: 130,
  },
  {
    username: "editor",
    displayName: "Ines Okafor",
    email: "editor@broadsheet.test",
    role: "EDITOR",
    bio: "Editor of Broadsheet. Reads every story before it goes live.",
    avatarHue: 48,
  },
  {
    username: "admin",
    displayName: "Broadsheet Admin",
    email: "admin@broadsheet.test",
    role: "ADMIN",
    bio: "Keeps the servers humming and the accounts in order.",
    avatarHue: 265,
  },
  // Readers: they comment, and the editors moderate what they write.
  {
    username: "priya",
    displayName: "Priya Natarajan",
    email: "priya@broadsheet.test",
    role: "READER",
    bio: "",
    avatarHue: 170,
  },
  {
    username: "jonas",
    displayName: "Jonas Berg",
    email: "jonas@broadsheet.test",
    role: "READER",
    bio: "",
    avatarHue: 90,
  },
  {
    username: "sam",
    displayName: "Sam Whitlock",
    email: "sam@broadsheet.test",
    role: "READER",
    bio: "",
    avatarHue: 300,
  },
];

// ---------------------------------------------------------------------------
// Comments: some approved, two waiting for moderation, one reported.
// ---------------------------------------------------------------------------

export const demoComments: DemoComment[] = [
  {
    article: "harbourford-tram-extension-to-reach-eastquay-by-2027",
    author: "priya",
    status: "APPROVED",
    hoursAfterPublication: 2,
    body: "Finally. I commute from Eastquay and the 41 bus takes forty minutes on a good day. Does anyone know whether the new stops will have step-free access from the start?",
  },
  {
    article: "harbourford-tram-extension-to-reach-eastquay-by-2027",
    author: "amara",
    status: "APPROVED",
    hoursAfterPublication: 4,
    body: "Thanks Priya. The council's design statement says all six new stops will be level-boarding, with lifts at Quayside where the line crosses the railway. The full documents are on the planning portal under reference HF/2026/0413.",
  },
  {
    article: "seagrass-meadows-off-harbourford-recovering-faster-than-expected",
    author: "priya",
    status: "APPROVED",
    hoursAfterPublication: 20,
    body: "Lovely to read some good news about the bay. My daughter's school helped plant seed bags two summers ago, so she is very pleased with herself this morning.",
  },
  {
    article: "family-bakery-crumb-and-co-opens-fourth-shop-despite-rising-costs",
    author: "jonas",
    status: "APPROVED",
    hoursAfterPublication: 6,
    body: "Their sourdough is overrated and the prices are daylight robbery. Everyone should go to the market stall on Ferry Lane instead, half the price and twice the bread.",
    reports: [{ reporter: "priya", reason: "Reads like an advert for a rival bakery, not a comment on the article." }],
  },
  {
    article: "residents-divided-over-plans-for-400-homes-on-millbrook-playing-fields",
    author: "sam",
    status: "PENDING",
    hoursAfterPublication: 30,
    body: "Is there a date for the planning committee meeting yet? I would like to speak for the playing fields, and the council website still says \"to be confirmed\".",
  },
  {
    article: "port-operator-reports-busiest-quarter-since-container-terminal-expansion",
    author: "sam",
    status: "PENDING",
    hoursAfterPublication: 50,
    body: "Cheap harbour cruise tickets, 70% off this week only!!! Visit https://example.com/cruise-deals now.",
  },
];
