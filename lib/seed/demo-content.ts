/**
 * Demo content for Broadsheet.
 *
 * Everything in this file is original fiction written for seeding a demo
 * instance. Harbourford and every person, business and organisation named
 * here are invented; any resemblance to real people or places is coincidental.
 *
 * Article bodies are Markdown. Each body contains exactly one inline figure in
 * the form `![alt](figure:<key> "caption | credit")`, which the seed script
 * rewrites to the generated image URL, and exactly one "You might also want to
 * read" link pointing at another PUBLISHED article.
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
  slug: string;
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
  body: string; // Markdown
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
// Articles
// ---------------------------------------------------------------------------

export const demoArticles: DemoArticle[] = [
  // -------------------------------------------------------------------------
  // PUBLISHED
  // -------------------------------------------------------------------------
  {
    slug: "harbourford-tram-extension-to-reach-eastquay-by-2027",
    title: "Harbourford tram extension to reach Eastquay by 2027, council confirms",
    excerpt:
      "The 3.2km line will link Central Station with the regenerated Eastquay district, with construction due to begin next spring.",
    category: "city",
    tags: ["transport", "local-government"],
    author: "amara",
    status: "PUBLISHED",
    daysAgo: 1,
    cover: {
      key: "tram-extension-cover",
      alt: "Stylised tram lines converging on a low waterfront skyline at dusk",
      caption: "The extension will run along the old quayside goods line.",
      credit: "Illustration: Broadsheet graphics",
      hue: 28,
      motif: "skyline",
    },
    figure: {
      key: "tram-extension-route-map",
      alt: "Abstract grid of city blocks with a highlighted route crossing from the station to Eastquay",
      caption: "The proposed route adds five stops between Central Station and Eastquay.",
      credit: "Illustration: Broadsheet graphics",
      hue: 210,
      motif: "grid",
    },
    related: "night-bus-pilot-cuts-late-shift-commute-times-for-hospital-staff",
    body: `Harbourford's long-promised tram extension to Eastquay will open in 2027, the city council confirmed on Tuesday, after ministers approved the final tranche of funding for the £118m scheme.

The 3.2km line will run from Central Station along the disused quayside goods railway, adding five stops and linking the city centre with the fast-growing Eastquay district, where around 4,000 people now live in flats built on former dock land.

Construction is due to begin next spring, with the council warning of "significant but temporary" disruption along Wharf Road and the Customs House junction.

## A decade in the making

The extension was first proposed in 2014 but stalled twice, once over the cost of moving a Victorian sewer beneath Wharf Road and again when the original contractor withdrew during the pandemic. Councillors voted last year to revive the project with a smaller budget and a simpler single-track section across the swing bridge.

> "People in Eastquay were sold a neighbourhood with a tram at the end of the street, and they have been waiting a very long time," said Cllr Rosalind Achebe, cabinet member for transport. "Today we can finally give them a date."

Trams are expected to run every eight minutes during the day and every 15 minutes in the evening. The council estimates the line will carry 9,000 passengers a day within three years of opening, taking roughly 2,500 car journeys a day off the inner ring road.

![Abstract grid of city blocks with a highlighted route crossing from the station to Eastquay](figure:tram-extension-route-map "The proposed route adds five stops between Central Station and Eastquay. | Illustration: Broadsheet graphics")

## Businesses brace for roadworks

Not everyone is celebrating. Traders on Wharf Road, many of whom say they are still recovering from resurfacing works two summers ago, fear a further 18 months of barriers and diversions.

Deepak Varma, who runs a hardware shop near the swing bridge, said he supported the tram in principle but wanted guarantees. "We need proper signage, loading bays that stay open and a compensation fund that actually pays out," he said. "Last time it took eight months to get a penny."

The council said it would set up a £1.5m business support fund and appoint a dedicated liaison officer for the route. Works will be phased so that no more than 400 metres of Wharf Road is closed at any one time.

## What happens next

The council has set out the following timetable:

- Utility diversions on Wharf Road from March
- Track laying between Central Station and the swing bridge from the summer
- Bridge strengthening works over the winter, with some weekend closures
- Testing and driver training in early 2027, ahead of opening

A public drop-in session on the route design will be held at Eastquay Community Hall on the first Saturday of next month.

**You might also want to read:** [Night bus pilot cuts late-shift commute times for hospital staff](/posts/night-bus-pilot-cuts-late-shift-commute-times-for-hospital-staff)`,
  },
  {
    slug: "seagrass-meadows-off-harbourford-recovering-faster-than-expected",
    title: "Seagrass meadows off Harbourford recovering faster than expected, survey finds",
    excerpt:
      "Divers recorded a 40 per cent increase in seagrass cover in Pellow Bay since traditional chain moorings were replaced, a three-year survey has found.",
    category: "science",
    tags: ["environment", "technology"],
    author: "tomasz",
    status: "PUBLISHED",
    daysAgo: 2,
    cover: {
      key: "seagrass-survey-cover",
      alt: "Layered blue-green waves suggesting seagrass swaying beneath shallow water",
      caption: "Seagrass now covers an estimated 31 hectares of Pellow Bay.",
      credit: "Photo: Hana Brightwater / Broadsheet",
      hue: 165,
      motif: "waves",
    },
    figure: {
      key: "seagrass-cover-chart",
      alt: "Rising bars in shades of green showing seagrass area increasing in each year of the survey",
      caption: "Seagrass cover measured each September since the moorings were replaced.",
      credit: "Illustration: Broadsheet graphics",
      hue: 140,
      motif: "bars",
    },
    related: "university-team-builds-low-cost-sensors-to-track-river-pollution",
    body: `Seagrass meadows in Pellow Bay, just south of Harbourford, have expanded by around 40 per cent in three years, according to a survey that marine scientists say offers rare good news for the region's coastal waters.

The meadows, which shelter young fish, seahorses and cuttlefish and lock away carbon in the seabed, had been shrinking for decades. Researchers blamed traditional boat moorings, whose heavy chains drag across the sea floor and scour bare circles into the grass.

In 2021 a partnership of the harbour authority, local sailing clubs and the Harbourford Marine Institute replaced 60 chain moorings with "eco-moorings" that use a floating elastic line and a screw anchor, leaving the seabed largely undisturbed.

## Divers count the difference

Volunteer divers and institute staff have mapped the meadows each September since, combining underwater transects with drone photographs taken at low spring tides. The latest survey estimated seagrass cover at 31 hectares, up from 22 hectares before the moorings were changed.

> "We expected recovery, but we thought it would take the best part of a decade to see numbers like these," said Dr Elspeth Marr, the institute's lead ecologist on the project. "The bare scars around the old moorings are already knitting back together."

The team also recorded denser growth at the edges of the meadow and found juvenile pollack and spider crabs in areas that had previously been bare sand.

![Rising bars in shades of green showing seagrass area increasing in each year of the survey](figure:seagrass-cover-chart "Seagrass cover measured each September since the moorings were replaced. | Illustration: Broadsheet graphics")

## Caution over the figures

Dr Marr stressed that three years of data was a short record and that a run of mild winters may have helped. Seagrass is sensitive to water clarity, and a single season of heavy run-off from farmland upstream could set the meadows back.

Independent marine biologist Callum Reyes, who was not involved in the study, described the results as encouraging but said the approach should be tested elsewhere before it was hailed as a solution. "Every bay is different," he said. "Sediment, boat traffic and nutrient levels all matter. The Pellow Bay result is a strong signal, not a guarantee."

## Sailors asked to help

The harbour authority plans to replace a further 40 moorings over the next two years, subject to funding. It is also asking visiting yachts to anchor outside marked seagrass zones, which are shown on a new chart available from the harbour office and online.

Sailing clubs have largely backed the scheme. The Pellow Bay Yacht Club said members had found the new moorings easy to use, although some reported that the elastic lines needed more frequent inspection after rough weather.

The full survey results will be presented at a public talk at the Marine Institute next month.

**You might also want to read:** [University team builds low-cost sensors to track river pollution](/posts/university-team-builds-low-cost-sensors-to-track-river-pollution)`,
  },
  {
    slug: "derelict-rope-works-reborn-as-harbourfords-newest-arts-venue",
    title: "Derelict rope works reborn as Harbourford's newest arts venue",
    excerpt:
      "The Ropewalk, a 300-metre Georgian building that once made rigging for sailing ships, opens this weekend as studios, a gallery and a performance space.",
    category: "culture",
    tags: ["arts", "economy"],
    author: "lucia",
    status: "PUBLISHED",
    daysAgo: 4,
    cover: {
      key: "ropewalk-venue-cover",
      alt: "A long, low building drawn as a stretched skyline, its windows lit in warm amber",
      caption: "The Ropewalk's 300-metre main hall was used to twist rope for more than a century.",
      credit: "Photo: Rhys Penhallow / Broadsheet",
      hue: 35,
      motif: "skyline",
    },
    figure: {
      key: "ropewalk-studios-interior",
      alt: "Rows of evenly spaced circles evoking the hall's restored cast-iron columns",
      caption: "Twenty-two artist studios line the restored main hall.",
      credit: "Photo: Rhys Penhallow / Broadsheet",
      hue: 18,
      motif: "circles",
    },
    related: "harbourford-folk-festival-returns-with-record-ticket-sales-and-new-stage",
    body: `For most of the past 40 years the old rope works on Tanner's Lane has been a place Harbourford residents walked past quickly: boarded windows, a sagging roof and a fence plastered with notices warning of falling masonry.

This weekend it reopens as The Ropewalk, an arts centre housing 22 studios, a gallery, a café and a flexible performance space in the 300-metre main hall where, until 1968, workers walked backwards for hours twisting hemp into rigging for ships.

## Saved by a charity and a crowd

The listed building was bought for a nominal £1 in 2019 by the Tanner's Lane Trust, a charity set up by neighbours who feared it would be demolished. The £6.4m restoration was funded by heritage grants, a council loan and a community share offer that raised £410,000 from more than 1,200 local investors.

> "People kept telling us it was too long, too narrow and too broken to be useful," said the trust's director, Marguerite Ellison. "It turns out that a building designed for walking in a straight line for 300 metres is wonderful for exhibitions. You get a procession, not a room."

Architects kept much of the original fabric, including the cast-iron columns, the worn brick floor and the hooks on which finished rope was hung. New glazed panels in the roof bring daylight into the hall for the first time since the 1970s.

![Rows of evenly spaced circles evoking the hall's restored cast-iron columns](figure:ropewalk-studios-interior "Twenty-two artist studios line the restored main hall. | Photo: Rhys Penhallow / Broadsheet")

## Studios already full

All 22 studios were let before the building opened, with rents set at roughly half the commercial rate for the area. Tenants include ceramicists, a printmaker, a violin repairer and two small design firms. The waiting list has more than 80 names on it.

Printmaker Owain Treharne, who moved from a shared garage, said the space had transformed his practice. "I can actually stand back from a large print now," he said. "And there is a constant stream of people passing the window, which is good for the soul and even better for sales."

## Opening weekend

The opening programme is free and runs across Saturday and Sunday. Highlights include:

- *Lay of the Line*, an exhibition of photographs and oral histories from former rope workers
- A promenade performance by Harbourford Youth Theatre that moves the length of the hall
- Open studios from 11am to 4pm on both days
- A rope-making demonstration by volunteers from the maritime museum

The trust says it needs around 60,000 visitors a year to cover its running costs and is planning a paid programme of concerts and talks from the autumn. A membership scheme, offering discounts and early booking, will launch later in the year.

**You might also want to read:** [Harbourford Folk Festival returns with record ticket sales and new stage](/posts/harbourford-folk-festival-returns-with-record-ticket-sales-and-new-stage)`,
  },
  {
    slug: "family-bakery-crumb-and-co-opens-fourth-shop-despite-rising-costs",
    title: "Family bakery Crumb & Co opens fourth shop despite rising costs",
    excerpt:
      "Crumb & Co, founded in a Harbourford kitchen in 2016, is expanding to Eastquay even as flour and energy bills squeeze margins across the trade.",
    category: "business",
    tags: ["economy", "cost-of-living"],
    author: "amara",
    status: "PUBLISHED",
    daysAgo: 6,
    cover: {
      key: "crumb-bakery-cover",
      alt: "Warm golden circles arranged like loaves cooling on a rack",
      caption: "Crumb & Co bakes around 1,800 loaves a day across its shops.",
      credit: "Photo: Maya Lindqvist / Broadsheet",
      hue: 40,
      motif: "circles",
    },
    figure: {
      key: "crumb-bakery-costs-chart",
      alt: "Bars of increasing height representing the bakery's rising monthly energy bills",
      caption: "The bakery's monthly energy bill has almost doubled since 2021.",
      credit: "Illustration: Broadsheet graphics",
      hue: 8,
      motif: "bars",
    },
    related: "co-operative-solar-scheme-offers-harbourford-households-cheaper-electricity",
    body: `When Nadia and Sol Brennan started selling sourdough from their kitchen window in 2016, they expected to be back in their old jobs within a year. Next week their business, Crumb & Co, opens its fourth shop, on Eastquay's Dockside Parade, taking its workforce to 38.

The expansion comes at a difficult time for independent bakers. Flour, butter and energy prices have all risen sharply in recent years, and the regional craft bakers' association estimates that one in eight small bakeries in the area has closed since 2022.

## Doing the sums

Ms Brennan said the couple had spent months deciding whether to go ahead. The bakery's energy bill alone has almost doubled since 2021, driven by the electric deck ovens that run from 3am six days a week.

> "Every week there is a new price rise from somebody," she said. "But our busiest shop has a queue out of the door every Saturday, and half of those people are coming in from Eastquay. At some point you have to stop worrying and go where your customers are."

To keep costs down, the new branch will not have its own ovens. Bread and pastries will be baked at the company's central bakery on Ferry Street and delivered by electric cargo bike, a decision the Brennans say has saved around £40,000 in fit-out costs.

![Bars of increasing height representing the bakery's rising monthly energy bills](figure:crumb-bakery-costs-chart "The bakery's monthly energy bill has almost doubled since 2021. | Illustration: Broadsheet graphics")

## Prices up, but not by much

Crumb & Co has raised prices twice in the past 18 months. A large sourdough loaf now costs £4.60, up from £3.80. Mr Brennan said the firm had absorbed about half of its cost increases, cutting waste by selling day-old bread at a discount and trimming its range from 40 products to 26.

"We used to make everything anyone asked for," he said. "Now if something doesn't sell, it goes. That has been painful, but it has probably saved the business."

## A boost for Eastquay

The opening has been welcomed by Eastquay residents, who have long complained that the district's ground-floor units are dominated by estate agents and empty shopfronts. The Eastquay Residents' Association said the bakery would be "the first genuinely neighbourhood shop" on Dockside Parade.

Dr Farida Hussain, an economist at Harbourford University's business school, said independent food businesses often acted as anchors for new neighbourhoods. "They create footfall early in the morning and give people a reason to linger," she said. "That helps the cafés and shops around them."

The Eastquay shop will open at 7am next Thursday, and the Brennans have promised free coffee to the first 100 customers through the door.

**You might also want to read:** [Co-operative solar scheme offers Harbourford households cheaper electricity](/posts/co-operative-solar-scheme-offers-harbourford-households-cheaper-electricity)`,
  },
  {
    slug: "residents-divided-over-plans-for-400-homes-on-millbrook-playing-fields",
    title: "Residents divided over plans for 400 homes on Millbrook playing fields",
    excerpt:
      "A developer says the scheme would deliver badly needed affordable housing; campaigners say the fields are the only large open space for a mile.",
    category: "city",
    tags: ["housing", "local-government", "environment"],
    author: "tomasz",
    status: "PUBLISHED",
    daysAgo: 8,
    cover: {
      key: "millbrook-fields-cover",
      alt: "Soft rolling hills in pale green with a row of outlined houses along the horizon",
      caption: "Millbrook playing fields have hosted Sunday league football since the 1950s.",
      credit: "Photo: Joel Okonkwo-Reid / Broadsheet",
      hue: 95,
      motif: "hills",
    },
    figure: {
      key: "millbrook-site-plan",
      alt: "A grid of housing plots bordered by a broad strip of green open space",
      caption: "The developer's plan keeps about a third of the site as public open space.",
      credit: "Illustration: Broadsheet graphics",
      hue: 110,
      motif: "grid",
    },
    related: "harbourford-tram-extension-to-reach-eastquay-by-2027",
    body: `Plans to build 400 homes on Millbrook playing fields have split opinion in the north of Harbourford, with more than 1,100 objections and nearly 700 letters of support lodged with the council ahead of a planning decision next month.

The application, from developer Keystone Living, would see the 11-hectare site, owned by a local charitable trust, transformed into a mix of houses and low-rise flats. Forty per cent would be classed as affordable, including 90 homes for social rent, a proportion well above the council's usual target.

## The case for building

Harbourford has more than 6,000 households on its housing waiting list, and the council has missed its target for new homes in each of the past five years. Supporters argue Millbrook is one of the few sites large enough to make a real difference.

> "My daughter is 29, works full time as a nurse and still lives in her childhood bedroom," said Carol Dunmore, who lives on nearby Ashgrove Road and has written in support. "I love those fields too, but I love her more. We cannot keep saying no to every site."

Keystone Living says the scheme would include a new community pavilion, two refurbished football pitches and a public park covering roughly a third of the site. It has also offered £2.3m towards expanding Millbrook Primary School.

![A grid of housing plots bordered by a broad strip of green open space](figure:millbrook-site-plan "The developer's plan keeps about a third of the site as public open space. | Illustration: Broadsheet graphics")

## The case against

Campaign group Save Millbrook Fields says the development would remove the last large green space in a densely built part of the city. Its members point out that the pitches host four youth football clubs and that the surrounding streets have no other park within a mile.

The group's chair, Lionel Ashworth, said the trust that owns the land had been set up in 1952 "to provide recreation for the people of Millbrook, not profit for developers". The trust says proceeds from any sale would be used to fund sports facilities elsewhere in the area.

Campaigners also raise concerns about traffic on Millbrook Lane, already congested at school times, and about surface-water flooding, which affected several homes on the edge of the fields in 2020.

## What the council must weigh

Planning officers will publish their recommendation two weeks before the meeting. The key questions are expected to be:

- whether the loss of playing fields is outweighed by the housing benefit
- whether the replacement sports provision is genuinely equivalent
- whether the drainage plans adequately address flood risk

The regional sports council, a statutory consultee, has lodged a holding objection pending more detail on how the lost pitches would be replaced.

The planning committee meets on the 14th of next month. The meeting is open to the public and will be streamed online.

**You might also want to read:** [Harbourford tram extension to reach Eastquay by 2027, council confirms](/posts/harbourford-tram-extension-to-reach-eastquay-by-2027)`,
  },
  {
    slug: "university-team-builds-low-cost-sensors-to-track-river-pollution",
    title: "University team builds low-cost sensors to track river pollution",
    excerpt:
      "Harbourford University engineers have installed 30 solar-powered sensors along the River Aske, publishing readings online every ten minutes.",
    category: "science",
    tags: ["environment", "technology", "education"],
    author: "lucia",
    status: "PUBLISHED",
    daysAgo: 11,
    cover: {
      key: "river-sensors-cover",
      alt: "Gentle teal waves crossed by a thin line of evenly spaced markers",
      caption: "Sensors are fixed to bridges and jetties along a 14km stretch of the River Aske.",
      credit: "Photo: Hana Brightwater / Broadsheet",
      hue: 185,
      motif: "waves",
    },
    figure: {
      key: "river-sensor-readings",
      alt: "Vertical bars of varying height showing a spike in river turbidity after heavy rain",
      caption: "Turbidity readings jump sharply within hours of heavy rainfall upstream.",
      credit: "Illustration: Broadsheet graphics",
      hue: 200,
      motif: "bars",
    },
    related: "seagrass-meadows-off-harbourford-recovering-faster-than-expected",
    body: `A team of engineers and students at Harbourford University has built a network of low-cost sensors that monitors water quality along the River Aske in near real time, and anyone can now see the results online.

The 30 devices, each roughly the size of a lunchbox and costing about £120 to build, measure temperature, turbidity, dissolved oxygen and conductivity. They are fixed to bridges and jetties along a 14km stretch of river from Coldbrook weir to the harbour mouth, and send a reading every ten minutes over a long-range radio network.

## Filling the gaps

Official monitoring of the Aske relies on a handful of fixed stations and monthly samples taken by hand, which can miss short-lived pollution events such as sewage overflows during storms.

> "A monthly sample tells you what the river was like on one Tuesday morning," said Dr Priyanka Sen, the environmental engineer who leads the project. "Our sensors tell you what happened at 2am on a Saturday when it rained hard and the storm overflows opened."

In its first six months the network recorded 23 episodes in which dissolved oxygen fell below levels considered harmful to fish, 17 of them within six hours of heavy rain.

![Vertical bars of varying height showing a spike in river turbidity after heavy rain](figure:river-sensor-readings "Turbidity readings jump sharply within hours of heavy rainfall upstream. | Illustration: Broadsheet graphics")

## Open by design

The team has published the hardware designs and software under an open licence, and the readings are available through a public interface. A request for the latest readings from one sensor returns something like this:

\`\`\`
GET /api/v1/sensors/aske-14/readings?since=2h

{
  "sensor": "aske-14",
  "location": "Ferry Street footbridge",
  "readings": [
    { "time": "02:10", "tempC": 11.8, "turbidityNTU": 142, "oxygenPct": 61 }
  ]
}
\`\`\`

Second-year student Tobias Grange, who wrote much of the data pipeline, said making the information accessible had been a priority from the start. "If a school, an angling club or a wild swimming group wants to build something with the data, they can," he said.

## Limits of the kit

The researchers are candid that cheap sensors have drawbacks. Probes can become fouled with algae and silt within weeks, and readings drift without regular calibration. Students visit each site every fortnight to clean and check the equipment, a routine the team admits would be hard to sustain without volunteers.

The water company responsible for the area said it welcomed additional data and would "review any findings" with the university. Local angling clubs, which have long complained about fish deaths after storms, have offered to help maintain sensors on their stretches of the river.

The project is funded until the end of next year. The team is now seeking support to extend the network to two tributaries, the Wend and the Hollin Brook.

**You might also want to read:** [Seagrass meadows off Harbourford recovering faster than expected, survey finds](/posts/seagrass-meadows-off-harbourford-recovering-faster-than-expected)`,
  },
  {
    slug: "harbourford-folk-festival-returns-with-record-ticket-sales-and-new-stage",
    title: "Harbourford Folk Festival returns with record ticket sales and new stage",
    excerpt:
      "Organisers say 14,000 weekend tickets have been sold for the three-day festival, which adds a stage dedicated to performers under 25.",
    category: "culture",
    tags: ["arts", "economy"],
    author: "amara",
    status: "PUBLISHED",
    daysAgo: 13,
    cover: {
      key: "folk-festival-cover",
      alt: "Overlapping circles of warm orange and red suggesting festival lanterns at night",
      caption: "The festival moves to the larger Castle Meadow site this year.",
      credit: "Photo: Maya Lindqvist / Broadsheet",
      hue: 15,
      motif: "circles",
    },
    figure: {
      key: "folk-festival-meadow-stage",
      alt: "Gentle hills with a small stage shape nestled at the foot of the slope",
      caption: "The new Seedling Stage sits at the bottom of Castle Meadow's natural amphitheatre.",
      credit: "Illustration: Broadsheet graphics",
      hue: 75,
      motif: "hills",
    },
    related: "derelict-rope-works-reborn-as-harbourfords-newest-arts-venue",
    body: `The Harbourford Folk Festival has sold a record 14,000 weekend tickets for this summer's event, organisers announced, as the festival prepares to move to a larger site and open a stage devoted entirely to performers under 25.

The three-day festival, which began in 1979 as an evening of sea shanties in the back room of the Anchor Inn, has grown into one of the largest events of its kind in the region. Last year's edition drew 11,500 ticket holders and sold out six weeks in advance.

## A new home and a new stage

This year the festival moves from the cramped Quayside Green to Castle Meadow, a sloping field below the castle ruins that forms a natural amphitheatre. Organisers say the move will allow for more toilets, more water points and shorter queues, the three most common complaints in last year's audience survey.

The headline change is the Seedling Stage, a programme of 40 sets by young musicians, many drawn from school and community ensembles across the county.

> "Folk music survives by being handed on, and that only happens if young people get to stand on a proper stage in front of a proper crowd," said festival director Bronwen Castell. "We don't want the Seedling Stage to be a sideshow. It has the best spot on the site."

![Gentle hills with a small stage shape nestled at the foot of the slope](figure:folk-festival-meadow-stage "The new Seedling Stage sits at the bottom of Castle Meadow's natural amphitheatre. | Illustration: Broadsheet graphics")

## Good for business

The festival estimates that it brings around £3.2m into the local economy each year, with pubs, cafés and guesthouses reporting their busiest weekend of the summer. Several hotels in the city centre are already fully booked.

Harbourford Chamber of Commerce said the move to Castle Meadow would spread visitors across more of the city. "Fringe events in the old town and on the quayside are growing every year," said its chief executive, Alistair Monkton. "The festival has become a weekend for the whole city, not just a field."

Not everyone is delighted. Residents of Castle Terrace, which overlooks the meadow, have raised concerns about noise and late-night crowds. Organisers have agreed to:

- end amplified music at 10.30pm each night
- run a free shuttle bus from the railway station
- fund extra street cleaning in the surrounding roads
- staff a residents' hotline throughout the weekend

## Still time to play

Remaining day tickets go on sale next Friday. The festival is also recruiting 300 volunteers, who receive a free weekend ticket in exchange for three shifts of stewarding, litter picking or running the information tent. Applications close at the end of the month.

**You might also want to read:** [Derelict rope works reborn as Harbourford's newest arts venue](/posts/derelict-rope-works-reborn-as-harbourfords-newest-arts-venue)`,
  },
  {
    slug: "port-operator-reports-busiest-quarter-since-container-terminal-expansion",
    title: "Port operator reports busiest quarter since container terminal expansion",
    excerpt:
      "Harbourford Port Holdings handled 212,000 containers between April and June, up 18 per cent on a year earlier, but warned of rising costs.",
    category: "business",
    tags: ["transport", "economy"],
    author: "tomasz",
    status: "PUBLISHED",
    daysAgo: 16,
    cover: {
      key: "port-quarter-cover",
      alt: "A skyline of stacked container shapes and cranes against a deep blue evening sky",
      caption: "The expanded North Terminal can now berth two large container ships at once.",
      credit: "Photo: Joel Okonkwo-Reid / Broadsheet",
      hue: 220,
      motif: "skyline",
    },
    figure: {
      key: "port-volumes-chart",
      alt: "Bars rising quarter by quarter showing container volumes at the port",
      caption: "Quarterly container volumes at Harbourford, in twenty-foot equivalent units.",
      credit: "Illustration: Broadsheet graphics",
      hue: 250,
      motif: "bars",
    },
    related: "harbourford-tram-extension-to-reach-eastquay-by-2027",
    body: `Harbourford's port has recorded its busiest quarter since the expansion of its container terminal, handling 212,000 containers between April and June, according to figures published by operator Harbourford Port Holdings.

The total, measured in twenty-foot equivalent units (TEU), was 18 per cent higher than the same period last year. The company credited the new deep-water berth at North Terminal, which opened 14 months ago and allows larger ships to call without waiting for high tide.

## The numbers

Revenue rose to £46.1m for the quarter, while operating profit increased more modestly because of higher energy and staffing costs.

| Measure | Q2 this year | Q2 last year | Change |
| --- | --- | --- | --- |
| Containers handled (TEU) | 212,000 | 179,600 | +18% |
| Ship calls | 318 | 291 | +9% |
| Revenue | £46.1m | £39.4m | +17% |
| Operating profit | £9.8m | £8.9m | +10% |

Chief executive Helena Strand said the results showed the expansion had been "the right bet at the right time". She added: "Shipping lines are choosing Harbourford because they can turn a vessel around in under a day. That reliability is our main selling point."

![Bars rising quarter by quarter showing container volumes at the port](figure:port-volumes-chart "Quarterly container volumes at Harbourford, in twenty-foot equivalent units. | Illustration: Broadsheet graphics")

## Jobs and pressures

The port now directly employs 1,240 people, about 150 more than before the expansion, and the company says a further 3,000 jobs in haulage, warehousing and logistics depend on its activity.

However, the growth has brought strains. Residents in the Saltings area say lorry traffic on the port approach road has increased noticeably, particularly overnight. The port says 22 per cent of containers now leave by rail, up from 15 per cent, and that it aims to reach 30 per cent within three years.

> "The port is good for jobs, nobody disputes that," said Joan Pettifer, who chairs the Saltings Residents' Group. "But we are the ones listening to reversing alarms at four in the morning. We want the rail target met, and we want it met sooner."

## Outlook

The company cautioned that volumes may ease in the second half of the year as some shipping lines adjust their routes, and said it expected full-year growth of between 10 and 12 per cent.

Trade unions representing dock workers are currently in pay talks with the operator. The union said its members had "delivered record results" and expected a settlement that reflected that. The company said negotiations were continuing constructively.

Harbourford Port Holdings will publish its half-year report in September.

**You might also want to read:** [Harbourford tram extension to reach Eastquay by 2027, council confirms](/posts/harbourford-tram-extension-to-reach-eastquay-by-2027)`,
  },
  {
    slug: "night-bus-pilot-cuts-late-shift-commute-times-for-hospital-staff",
    title: "Night bus pilot cuts late-shift commute times for hospital staff",
    excerpt:
      "A trial overnight bus route serving Harbourford General has halved some night workers' journeys home, early figures suggest.",
    category: "city",
    tags: ["transport", "health"],
    author: "lucia",
    status: "PUBLISHED",
    daysAgo: 19,
    cover: {
      key: "night-bus-cover",
      alt: "A dark indigo skyline with a single band of light tracing a bus route through the streets",
      caption: "The N7 runs every 30 minutes between midnight and 5am.",
      credit: "Photo: Rhys Penhallow / Broadsheet",
      hue: 260,
      motif: "skyline",
    },
    figure: {
      key: "night-bus-journey-times",
      alt: "Paired bars comparing shorter journey times by night bus with longer walks and taxi waits",
      caption: "Average journey home for surveyed staff before and during the pilot.",
      credit: "Illustration: Broadsheet graphics",
      hue: 280,
      motif: "bars",
    },
    related: "hospital-trial-finds-text-reminders-help-patients-take-medication",
    body: `A pilot overnight bus service linking Harbourford General Hospital with the city's outer estates has cut journey times for late-shift workers by up to half, according to early figures from the transport authority.

The N7 route, launched four months ago, runs every 30 minutes between midnight and 5am, looping from the hospital through the city centre to Fellgate, Ashgrove and the Saltings. Before the trial, the last daytime bus left the hospital at 11.40pm, leaving staff who finished at midnight or later with a choice between a taxi, a long walk or a lift.

## Who is using it

The service carried an average of 410 passengers a night in its first three months. A survey of 600 riders found that around a third worked at the hospital, with others employed in hospitality, cleaning, care homes and the port.

> "Before the N7, I was spending £14 a night on taxis, or walking 50 minutes home through the park at half past midnight," said Grace Adeyemi, a healthcare assistant on the acute medical ward. "Now I'm home in 20 minutes and I don't spend the walk looking over my shoulder."

The hospital's staff survey found that the proportion of night workers who said they felt safe travelling home rose from 48 per cent to 79 per cent after the route began.

![Paired bars comparing shorter journey times by night bus with longer walks and taxi waits](figure:night-bus-journey-times "Average journey home for surveyed staff before and during the pilot. | Illustration: Broadsheet graphics")

## Paying for it

The pilot costs around £380,000 a year to run, shared between the transport authority, the hospital trust and the city council. Fares are the same as on daytime services, and hospital staff receive a 50 per cent discount on showing their ID.

The transport authority's head of network planning, Gareth Nwosu, said the service was currently recovering about 40 per cent of its costs through fares, which was "better than we feared, but not yet enough to make it permanent on its own".

## What workers want next

Unions and staff networks at the hospital have welcomed the pilot and are calling for it to be extended. Their suggestions include:

- adding a second route to the eastern side of the city, including Eastquay
- running buses every 20 minutes around shift changes
- real-time arrival displays at all stops, not just the hospital

The hospital trust said it would consider increasing its contribution if the service helped with staff retention. Vacancy rates for night-shift nursing posts have been among the highest in the trust for several years.

A decision on whether to make the N7 permanent is expected at the transport authority's board meeting in two months' time. Riders can give feedback through an online survey, which closes at the end of the month.

**You might also want to read:** [Hospital trial finds text reminders help patients take medication](/posts/hospital-trial-finds-text-reminders-help-patients-take-medication)`,
  },
  {
    slug: "hospital-trial-finds-text-reminders-help-patients-take-medication",
    title: "Hospital trial finds text reminders help patients take medication",
    excerpt:
      "Patients sent simple daily text messages were more likely to keep taking blood pressure tablets, a year-long Harbourford trial has found.",
    category: "science",
    tags: ["health", "technology"],
    author: "amara",
    status: "PUBLISHED",
    daysAgo: 23,
    cover: {
      key: "text-reminders-cover",
      alt: "A grid of small rounded squares like message bubbles on a pale blue background",
      caption: "The messages were deliberately short, plain and sent at a time chosen by each patient.",
      credit: "Illustration: Broadsheet graphics",
      hue: 195,
      motif: "grid",
    },
    figure: {
      key: "text-reminders-results",
      alt: "Two clusters of circles, the larger representing patients who kept taking their tablets",
      caption: "Seventy-eight per cent of patients receiving texts were still taking their tablets after a year.",
      credit: "Illustration: Broadsheet graphics",
      hue: 330,
      motif: "circles",
    },
    related: "night-bus-pilot-cuts-late-shift-commute-times-for-hospital-staff",
    body: `Simple daily text messages can help people with high blood pressure keep taking their medication, according to a year-long trial run by doctors at Harbourford General Hospital and eight local GP practices.

The study followed 1,020 adults who had recently been prescribed blood pressure tablets. Half received a short text at a time of their choosing each day, while the other half received usual care. After 12 months, 78 per cent of those receiving texts were still taking their medication as prescribed, compared with 64 per cent in the comparison group.

## Small nudge, measurable effect

The messages were deliberately plain. Patients could choose from a handful of wordings, including a simple daily reminder and a weekly message asking whether they had noticed any side effects, to which they could reply with a single word.

> "We tested fancier versions with graphics and links to an app, and people ignored them," said Dr Aisling Moran, the consultant physician who led the trial. "What worked was a message that felt like it came from a person and asked nothing complicated."

Average systolic blood pressure fell by 4mmHg more in the text group than in the comparison group, a difference the researchers say could translate into fewer strokes and heart attacks across a large population.

![Two clusters of circles, the larger representing patients who kept taking their tablets](figure:text-reminders-results "Seventy-eight per cent of patients receiving texts were still taking their tablets after a year. | Illustration: Broadsheet graphics")

## Not a cure-all

The researchers noted several limitations. Adherence was measured partly through pharmacy refill records, which show that tablets were collected but not necessarily taken. The trial also excluded people without a mobile phone, who are more likely to be older or on low incomes.

Professor Nathaniel Ebbs, a public health specialist who reviewed the study but was not involved in it, said the results were robust but should be kept in perspective. "Texts help people who already intend to take their medication," he said. "They won't fix side effects, cost or a lack of trust in treatment. Those need a conversation with a clinician."

Patients involved in the trial were broadly positive. In follow-up interviews, the most common comments were that the messages:

- were easy to ignore on days they had already remembered
- helped most during disruptions such as holidays or changes in shift patterns
- made them more likely to raise side effects with their GP

## Next steps

The hospital trust is now seeking funding to offer the service to patients with other long-term conditions, including diabetes and heart failure. The running cost is estimated at less than £3 per patient per year.

The findings have been submitted to a peer-reviewed journal. Harbourford patients interested in taking part in future studies can register through their GP practice.

**You might also want to read:** [Night bus pilot cuts late-shift commute times for hospital staff](/posts/night-bus-pilot-cuts-late-shift-commute-times-for-hospital-staff)`,
  },
  {
    slug: "library-exhibition-of-unsent-letters-draws-queues-around-the-block",
    title: "Library exhibition of unsent letters draws queues around the block",
    excerpt:
      "Harbourford Central Library's display of letters found tucked inside returned books has become the surprise hit of the season.",
    category: "culture",
    tags: ["arts", "education"],
    author: "tomasz",
    status: "PUBLISHED",
    daysAgo: 27,
    cover: {
      key: "unsent-letters-cover",
      alt: "A grid of pale cream rectangles arranged like envelopes pinned to a wall",
      caption: "More than 200 letters, notes and postcards are on display in the reading room.",
      credit: "Photo: Maya Lindqvist / Broadsheet",
      hue: 48,
      motif: "grid",
    },
    figure: {
      key: "unsent-letters-queue",
      alt: "A long line of small circles curving around a building outline, suggesting a queue",
      caption: "Visitors have queued for up to an hour on weekend mornings.",
      credit: "Photo: Maya Lindqvist / Broadsheet",
      hue: 300,
      motif: "circles",
    },
    related: "community-radio-station-celebrates-25-years-on-harbourford-airwaves",
    body: `It began with a shoebox. For almost three decades, staff at Harbourford Central Library have kept the letters, postcards and notes they found tucked inside returned books, unsure what else to do with them. Now 214 of them are on display, and the exhibition has become the most visited in the library's 120-year history.

*Between the Pages* opened six weeks ago and has attracted more than 19,000 visitors. On weekend mornings the queue has stretched out of the Victorian reading room, down the front steps and around the corner into Chapel Street.

## Love notes, shopping lists and apologies

The items range from the mundane to the heart-stopping: a child's list of reasons to get a dog, a recipe for damson jam, a bus ticket from 1987 annotated with a phone number, and several letters that appear never to have been sent.

One, written in pencil on lined paper and found in a gardening manual, begins "I should have said this at the station" and runs to three pages. It has become the exhibition's unofficial centrepiece, with visitors leaving notes of their own on a board beside it.

> "We thought it might interest a few regulars," said librarian Maud Fenwick, who began the collection in 1996. "We did not expect people to cry in front of a shopping list. But there is something about seeing someone's handwriting, in a book you might have borrowed yourself, that makes a stranger feel very close."

![A long line of small circles curving around a building outline, suggesting a queue](figure:unsent-letters-queue "Visitors have queued for up to an hour on weekend mornings. | Photo: Maya Lindqvist / Broadsheet")

## Handling privacy with care

The library says it took privacy seriously. Surnames, addresses and phone numbers have been obscured, and any item that could identify a living person was excluded unless that person could be contacted and agreed. Three people have since come forward to reclaim letters they recognised, and one has allowed hers to remain on display with a new note explaining what happened next.

## Schools and workshops

The exhibition has been adopted by several secondary schools as a starting point for creative writing. The library is running weekly workshops in which participants write a letter they never intend to send, and local poet Ivo Marchetti has been appointed writer in residence for the run.

English teacher Sunita Rao, who brought a Year 9 class, said pupils had been captivated. "They are used to messages that disappear in seconds," she said. "Seeing a note that survived 30 years inside a book made them think about what writing is actually for."

Because of demand, the exhibition has been extended until the end of October, with late opening until 8pm on Thursdays. Entry is free and no booking is required.

**You might also want to read:** [Community radio station celebrates 25 years on Harbourford airwaves](/posts/community-radio-station-celebrates-25-years-on-harbourford-airwaves)`,
  },
  {
    slug: "co-operative-solar-scheme-offers-harbourford-households-cheaper-electricity",
    title: "Co-operative solar scheme offers Harbourford households cheaper electricity",
    excerpt:
      "Members of Aske Valley Energy, which owns panels on school and warehouse roofs, will be offered a tariff about 12 per cent below the standard rate.",
    category: "business",
    tags: ["environment", "housing", "cost-of-living"],
    author: "lucia",
    status: "PUBLISHED",
    daysAgo: 31,
    cover: {
      key: "solar-coop-cover",
      alt: "Golden horizontal bands rising across a pale sky like rows of solar panels in sunshine",
      caption: "Aske Valley Energy's panels cover the roofs of six schools and two warehouses.",
      credit: "Photo: Joel Okonkwo-Reid / Broadsheet",
      hue: 52,
      motif: "bars",
    },
    figure: {
      key: "solar-coop-rooftops",
      alt: "Low hills beneath rows of panel shapes, suggesting rooftops spread across the valley",
      caption: "The co-operative's largest array sits on the roof of a distribution warehouse in Coldbrook.",
      credit: "Illustration: Broadsheet graphics",
      hue: 60,
      motif: "hills",
    },
    related: "family-bakery-crumb-and-co-opens-fourth-shop-despite-rising-costs",
    body: `A community-owned solar co-operative is to offer Harbourford households electricity at around 12 per cent below the standard capped rate, in what its founders say is the first scheme of its kind in the region.

Aske Valley Energy, set up in 2015 by a group of residents and teachers, owns solar panels on the roofs of six schools and two warehouses, with a combined capacity of 3.1 megawatts. Until now, it has sold its power to the schools and businesses beneath the panels, with any surplus exported to the grid.

## How the tariff works

Under a partnership with a licensed energy supplier, the co-operative's 2,400 members will be able to switch to a tariff that matches their household use against the output of the local panels. When the sun shines, members pay a lower rate for the share of their electricity that can be matched; the rest is charged at the supplier's normal price.

The co-operative estimates a typical member household will save between £70 and £110 a year, depending on how much of its use falls during daylight hours.

> "We have spent ten years persuading people that local energy is a good idea in principle," said the co-operative's chair, Evelyn Tarrant. "This is the first time we can show it to them in their bill. That matters more than any leaflet."

![Low hills beneath rows of panel shapes, suggesting rooftops spread across the valley](figure:solar-coop-rooftops "The co-operative's largest array sits on the roof of a distribution warehouse in Coldbrook. | Illustration: Broadsheet graphics")

## Who can join

Membership is open to anyone living in the Harbourford and Aske Valley area. Members must buy at least one £50 share, on which the co-operative expects to pay interest of around 4 per cent a year. To widen access, it has set aside a fund to cover the share purchase for up to 300 households receiving means-tested benefits.

Tenants in social housing are among the groups the co-operative most wants to reach. Harbourford Homes, the city's largest housing association, said it was exploring whether panels could be installed on some of its blocks, with residents given priority membership.

## Questions remain

Energy analysts have welcomed the scheme but warned that savings depend on behaviour. Households that use most of their electricity in the evening will benefit far less than those at home during the day, or those able to run appliances on timers.

Independent energy consultant Barnaby Quist called the tariff "a genuine step forward" but added: "Co-operatives like this are small. The real question is whether the model can grow without being swallowed by the larger suppliers they depend on."

The co-operative plans to double its generating capacity over five years, including a proposed array on the roof of the new Eastquay leisure centre. Applications for the new tariff open on the first of next month.

**You might also want to read:** [Family bakery Crumb & Co opens fourth shop despite rising costs](/posts/family-bakery-crumb-and-co-opens-fourth-shop-despite-rising-costs)`,
  },
  {
    slug: "harbourford-schools-to-trial-four-day-timetable-for-sixth-formers",
    title: "Harbourford schools to trial four-day timetable for sixth formers",
    excerpt:
      "Three sixth forms will fit lessons into four longer days from September, freeing Fridays for study, work placements and part-time jobs.",
    category: "city",
    tags: ["education", "local-government"],
    author: "amara",
    status: "PUBLISHED",
    daysAgo: 35,
    cover: {
      key: "four-day-timetable-cover",
      alt: "Four tall coloured bars side by side with a short pale fifth bar, evoking a four-day week",
      caption: "Under the trial, Friday becomes an independent study day for students aged 16 to 18.",
      credit: "Illustration: Broadsheet graphics",
      hue: 345,
      motif: "bars",
    },
    figure: {
      key: "sixth-form-study-day",
      alt: "Overlapping circles in muted purple suggesting students gathered around a library table",
      caption: "Students at Riverside Sixth Form trialled the timetable for a term last year.",
      credit: "Photo: Hana Brightwater / Broadsheet",
      hue: 270,
      motif: "circles",
    },
    related: "library-exhibition-of-unsent-letters-draws-queues-around-the-block",
    body: `Three Harbourford sixth forms will teach lessons over four days a week from September, in a trial that the city's education department says could be extended across the city if it succeeds.

Under the plan, students aged 16 to 18 at Riverside Sixth Form, St Aidan's College and Harbourford Academy will have longer days from Monday to Thursday, with lessons finishing at 4.30pm rather than 3.15pm. Fridays will be set aside for independent study, work placements, catch-up sessions and enrichment activities, with school buildings remaining open.

## Why now

The schools say the change reflects how sixth formers already live. A survey of 900 students found that more than half had a part-time job, and many reported juggling shifts around free periods scattered through the week.

> "A lot of our students are working 15 hours a week to help out at home," said Riverside's head of sixth form, Kwame Asante-Hollis. "At the moment they are exhausted on Mondays and half of them are missing from Friday afternoon lessons anyway. We would rather design a week around reality."

Riverside piloted the timetable with one year group for a term last spring. Attendance at taught lessons rose from 87 to 93 per cent, and the proportion of students handing in coursework on time also increased.

![Overlapping circles in muted purple suggesting students gathered around a library table](figure:sixth-form-study-day "Students at Riverside Sixth Form trialled the timetable for a term last year. | Photo: Hana Brightwater / Broadsheet")

## Concerns from parents and unions

Not all parents are convinced. Some have questioned whether 17-year-olds will use a free day productively, and whether students without a quiet space at home will fall behind.

The schools have promised that libraries and study areas will be staffed throughout Fridays, and that students whose grades or attendance slip can be required to attend supervised study sessions.

Teaching unions have asked for assurances on workload. The schools say teachers will not work longer overall, with longer teaching days balanced by Fridays used for planning, marking and training, and a small rota of staff supervising students on site.

## How success will be judged

The city council's education department will evaluate the trial over two years. It says it will look at:

- attendance at taught lessons
- A-level and vocational results compared with similar schools
- student wellbeing, measured through termly surveys
- staff workload and retention

Cllr Hamish Oduya, cabinet member for children and education, said the council had "no fixed view" on the outcome. "If it works, we will want to share it. If it doesn't, we will say so," he said.

Parents can attend information evenings at each school before the end of term.

**You might also want to read:** [Library exhibition of unsent letters draws queues around the block](/posts/library-exhibition-of-unsent-letters-draws-queues-around-the-block)`,
  },
  {
    slug: "community-radio-station-celebrates-25-years-on-harbourford-airwaves",
    title: "Community radio station celebrates 25 years on Harbourford airwaves",
    excerpt:
      "Harbour FM, run almost entirely by volunteers from a former ferry ticket office, marks its silver anniversary with a 25-hour live broadcast.",
    category: "culture",
    tags: ["arts", "technology"],
    author: "tomasz",
    status: "PUBLISHED",
    daysAgo: 40,
    cover: {
      key: "harbour-fm-cover",
      alt: "Concentric ripples spreading across dark harbour water like radio waves",
      caption: "Harbour FM has broadcast from the old ferry ticket office since 2001.",
      credit: "Photo: Rhys Penhallow / Broadsheet",
      hue: 10,
      motif: "waves",
    },
    figure: {
      key: "harbour-fm-studio",
      alt: "Stacked vertical bars like the faders of a mixing desk in the station's studio",
      caption: "The main studio desk was bought second-hand from a commercial station in 2009.",
      credit: "Photo: Rhys Penhallow / Broadsheet",
      hue: 230,
      motif: "bars",
    },
    related: "library-exhibition-of-unsent-letters-draws-queues-around-the-block",
    body: `Harbour FM, the community radio station that broadcasts from a converted ferry ticket office on the quayside, is celebrating 25 years on air this weekend with a 25-hour live broadcast featuring more than 60 presenters, past and present.

The station was founded by a group of former hospital radio volunteers, who ran trial broadcasts for a year before securing a full licence. Today it has around 140 volunteers, two part-time staff and an estimated weekly audience of 38,000 across the city and surrounding villages.

## Something for everyone, at some hour

The schedule is famously eclectic. A typical weekday moves from a breakfast show and local news bulletins through a Polish-language programme, a gardening phone-in and a show devoted entirely to brass bands to, late at night, an hour of ambient music recorded on the harbour wall.

> "Commercial radio has to please everybody at once," said station manager Delphine Harcourt. "We only have to please somebody at any given moment. If there's a person in Harbourford who loves accordion music at 11pm on a Tuesday, we are their station."

The station has also been a training ground. Former volunteers have gone on to careers in national broadcasting, sound engineering and journalism, and it runs a free ten-week course for young presenters each summer.

![Stacked vertical bars like the faders of a mixing desk in the station's studio](figure:harbour-fm-studio "The main studio desk was bought second-hand from a commercial station in 2009. | Photo: Rhys Penhallow / Broadsheet")

## Keeping the lights on

Running costs of about £95,000 a year are met through advertising from local businesses, small grants and an annual on-air appeal. The station's technical director, Ruaridh Blane, said the shift to online listening had been a mixed blessing.

"Streaming means someone in Canada can hear the Harbourford tide times, which is lovely," he said. "But it also means we pay for music licensing, servers and bandwidth on top of the transmitter. We are a small station with a big station's list of bills."

Volunteers recently rebuilt the station's streaming system themselves, replacing ageing hardware with two refurbished computers and saving several thousand pounds a year.

## The anniversary broadcast

The 25-hour marathon begins at 9am on Saturday. Highlights include:

- a reunion of the original breakfast show team
- archive recordings from the station's very first broadcast
- live sets from local bands in the harbour-front car park
- a midnight request hour in which every request will be played

Listeners can tune in on FM, on DAB or online, and the station is inviting people to drop in to the ticket office studio throughout the weekend. Those who cannot make it in person are encouraged to send in their memories of the station, which will be read out on air.

**You might also want to read:** [Library exhibition of unsent letters draws queues around the block](/posts/library-exhibition-of-unsent-letters-draws-queues-around-the-block)`,
  },

  // -------------------------------------------------------------------------
  // DRAFT
  // -------------------------------------------------------------------------
  {
    slug: "harbourford-high-street-vacancy-rate-falls-for-first-time-in-decade",
    title: "Harbourford high street vacancy rate falls for first time in decade",
    excerpt:
      "Empty shopfronts in Harbourford city centre fell to 14 per cent this year, helped by short-term leases and a business rates relief scheme.",
    category: "business",
    tags: ["economy", "local-government"],
    author: "amara",
    status: "DRAFT",
    daysAgo: 0,
    cover: {
      key: "high-street-vacancy-cover",
      alt: "A row of shopfront shapes forming a skyline, most now lit with only a few dark gaps",
      caption: "Fore Street has seen nine new businesses open in the past year.",
      credit: "Photo: Maya Lindqvist / Broadsheet",
      hue: 25,
      motif: "skyline",
    },
    figure: {
      key: "high-street-vacancy-chart",
      alt: "Bars falling gently from left to right showing the city centre vacancy rate dropping",
      caption: "Share of ground-floor units in the city centre standing empty each year.",
      credit: "Illustration: Broadsheet graphics",
      hue: 355,
      motif: "bars",
    },
    related: "family-bakery-crumb-and-co-opens-fourth-shop-despite-rising-costs",
    body: `The proportion of empty shops in Harbourford city centre has fallen for the first time in ten years, according to a survey published by the city council, with officials crediting short-term leases, a business rates relief scheme and a growing number of independent traders.

The survey, carried out each spring, found that 14 per cent of ground-floor units on the main shopping streets were vacant, down from 17 per cent last year. The rate had risen every year since 2014, peaking after the closure of two department stores.

## What changed

The council points to its Meanwhile Leases scheme, which allows landlords to let empty units for between three and 18 months on simplified terms. Some 31 businesses have used the scheme since its launch, and 12 have since signed longer leases.

A rates relief fund, worth up to £8,000 a year for independent businesses moving into long-empty units, has also been taken up by 26 traders.

> "The old model was that you waited for a national chain to sign a ten-year lease," said Cllr Olufemi Grant, cabinet member for the economy. "Those chains are not coming back in the numbers they used to. We had to make it easier for a potter, a bike mechanic or a café to take a chance on an empty shop."

![Bars falling gently from left to right showing the city centre vacancy rate dropping](figure:high-street-vacancy-chart "Share of ground-floor units in the city centre standing empty each year. | Illustration: Broadsheet graphics")

## Not all streets are equal

The improvement has been uneven. Fore Street and the old town lanes now have vacancy rates below 10 per cent, while the Broadgate Centre, a 1970s shopping precinct, still has almost one unit in three empty.

Traders in Broadgate say the precinct's layout, poor lighting and lack of a clear plan for its future are deterring new tenants. The centre's owners are consulting on plans to replace part of the precinct with housing and a smaller number of shops.

## Caution from traders

Harbourford Independent Traders' Association welcomed the figures but said many of its members remained fragile. Its secretary, Marcus Delaney, said: "A full shop is not the same as a thriving shop. Plenty of our members are open but working 70 hours a week for very little. Energy costs and rents are still the biggest worries."

The council's survey also found:

- footfall up 6 per cent on last year, driven largely by weekend visitors
- 58 per cent of occupied units now held by independent businesses
- food and drink the fastest-growing type of new business

The council plans to extend the Meanwhile Leases scheme for a further two years and is considering a targeted version for the Broadgate Centre.

*Note for editor: confirm the Broadgate vacancy figure with the centre's owners before publishing.*

**You might also want to read:** [Family bakery Crumb & Co opens fourth shop despite rising costs](/posts/family-bakery-crumb-and-co-opens-fourth-shop-despite-rising-costs)`,
  },
  {
    slug: "tide-gauge-data-shows-harbourford-sea-level-rising-faster-than-forecast",
    title: "Tide gauge data shows Harbourford sea level rising faster than forecast",
    excerpt:
      "Analysis of 120 years of readings from the harbour's tide gauge suggests the rate of sea level rise has roughly doubled since the early 1990s.",
    category: "science",
    tags: ["environment", "housing"],
    author: "tomasz",
    status: "DRAFT",
    daysAgo: 0,
    cover: {
      key: "tide-gauge-cover",
      alt: "Layered deep blue waves creeping up against a stepped harbour wall",
      caption: "The tide gauge on the Customs House quay has recorded sea levels since 1904.",
      credit: "Photo: Hana Brightwater / Broadsheet",
      hue: 215,
      motif: "waves",
    },
    figure: {
      key: "tide-gauge-trend",
      alt: "A grid of decades with cells shading from pale to deep blue as the sea level rises",
      caption: "Decadal mean sea level at Harbourford, relative to the 1904 baseline.",
      credit: "Illustration: Broadsheet graphics",
      hue: 190,
      motif: "grid",
    },
    related: "seagrass-meadows-off-harbourford-recovering-faster-than-expected",
    body: `Sea levels at Harbourford are rising roughly twice as fast as they were a century ago, according to a new analysis of records from one of the oldest continuously operating tide gauges in the country.

Researchers at the Harbourford Marine Institute digitised more than 120 years of handwritten and automated readings from the gauge on the Customs House quay, which has measured the height of the tide since 1904. They found that average sea level has risen by about 21cm over that period, with the rate increasing from around 1.5mm a year in the first half of the 20th century to about 3.4mm a year since the early 1990s.

## Reading the ledgers

Much of the early data existed only in leather-bound ledgers kept by harbour staff. Volunteers spent two years transcribing them, checking entries against weather diaries and newspaper reports of storms.

> "Some of the handwriting was beautiful and some of it was dreadful," said Dr Elspeth Marr, who co-ordinated the project. "But the harbourmasters were meticulous. Once we corrected for the gauge being moved a few metres in 1952, the record held together remarkably well."

The team also corrected for land movement, using satellite positioning data showing that the ground beneath the harbour is sinking slightly, by around 0.4mm a year.

![A grid of decades with cells shading from pale to deep blue as the sea level rises](figure:tide-gauge-trend "Decadal mean sea level at Harbourford, relative to the 1904 baseline. | Illustration: Broadsheet graphics")

## What it means for the city

The council's current flood defence plans assume a rise of about 3mm a year. The analysis suggests that assumption sits at the lower end of what the city should expect, particularly once storm surges are taken into account.

Around 2,700 homes in Harbourford lie within the area considered at significant risk of tidal flooding, many of them in the Saltings and on the lower slopes of Eastquay.

Council flood risk manager Yusuf Adebayo-Price said the findings would feed into a review of the city's coastal strategy. "We are not talking about sudden catastrophe," he said. "We are talking about the gradual loss of margin. A flood defence that was comfortable in 1990 is less comfortable now."

## Limits of a single gauge

Independent oceanographers cautioned that a single gauge reflects local conditions, including harbour dredging and changes to the river channel, and should be read alongside regional records. The institute plans to compare its results with gauges at two neighbouring ports later this year.

*Note for editor: still awaiting comment from the regional coastal authority; add before publishing.*

**You might also want to read:** [Seagrass meadows off Harbourford recovering faster than expected, survey finds](/posts/seagrass-meadows-off-harbourford-recovering-faster-than-expected)`,
  },

  // -------------------------------------------------------------------------
  // IN REVIEW
  // -------------------------------------------------------------------------
  {
    slug: "volunteers-map-every-bench-in-harbourford-to-improve-accessibility",
    title: "Volunteers map every bench in Harbourford to improve accessibility",
    excerpt:
      "More than 200 volunteers have logged 1,460 public benches, revealing long stretches of the city where older residents have nowhere to rest.",
    category: "city",
    tags: ["health", "local-government", "transport"],
    author: "kit",
    status: "IN_REVIEW",
    daysAgo: 0,
    cover: {
      key: "bench-map-cover",
      alt: "A street grid dotted with small markers that thin out towards the edges of the city",
      caption: "Each marker on the volunteers' map represents a public bench or seat.",
      credit: "Illustration: Broadsheet graphics",
      hue: 125,
      motif: "grid",
    },
    figure: {
      key: "bench-map-gaps",
      alt: "Gentle hills with sparse markers along a steep road, showing long gaps between seats",
      caption: "Volunteers found a 1.2km stretch of Beacon Hill Road with no seating at all.",
      credit: "Photo: Kit Ashdown / Broadsheet",
      hue: 85,
      motif: "hills",
    },
    related: "night-bus-pilot-cuts-late-shift-commute-times-for-hospital-staff",
    body: `Armed with tape measures, clipboards and a free mapping app, more than 200 volunteers have spent the past six months recording every public bench in Harbourford, and their findings suggest large parts of the city are difficult to get around for people who need to stop and rest.

The project, organised by the charity Age Friendly Harbourford, logged 1,460 benches and seats, noting their location, condition and height, and whether they had armrests and a backrest, features that make it easier for older and disabled people to sit down and stand up again.

## Gaps on the hills

The map shows benches clustered in parks, along the seafront and in the old town, but thinning dramatically on residential streets and on the steep roads that climb out of the city centre.

On Beacon Hill Road, one of the main walking routes between the hilltop estates and the shops below, volunteers found a 1.2km stretch without a single seat.

> "My mother can walk perfectly well, but she needs a rest every few hundred yards," said volunteer Hollie Fairweather, who surveyed much of the north of the city. "If there's nowhere to sit, she simply doesn't go. A bench is the difference between getting to the post office and staying at home."

![Gentle hills with sparse markers along a steep road, showing long gaps between seats](figure:bench-map-gaps "Volunteers found a 1.2km stretch of Beacon Hill Road with no seating at all. | Photo: Kit Ashdown / Broadsheet")

## Condition matters too

Volunteers judged 18 per cent of the benches they recorded to be in poor condition, with broken slats, missing armrests or surfaces too damaged to use. A further 9 per cent were in spots that were hard to reach, such as on grass with no path or behind rows of bins.

The survey also found that:

- only 41 per cent of benches had armrests
- 320 bus stops had no seating at all
- the city centre had roughly one bench for every 90 metres of pavement, compared with one every 400 metres on outlying estates

## Council response

The full dataset has been shared with the city council, which is responsible for most of the seating on public land. Cllr Rosalind Achebe, cabinet member for transport and public spaces, said the map would help target spending. "This is exactly the kind of detail we don't have the staff to collect ourselves," she said. "It tells us not just where benches are, but where they are missing."

The council has earmarked £150,000 for new and replacement seating next year and says it will prioritise routes to GP surgeries, pharmacies and bus stops.

Age Friendly Harbourford is now inviting residents to suggest locations for new benches through its website, and plans to repeat the survey in two years to measure progress.

**You might also want to read:** [Night bus pilot cuts late-shift commute times for hospital staff](/posts/night-bus-pilot-cuts-late-shift-commute-times-for-hospital-staff)`,
  },

  // -------------------------------------------------------------------------
  // SCHEDULED
  // -------------------------------------------------------------------------
  {
    slug: "harbourford-players-stage-open-air-production-of-the-tempest",
    title: "Harbourford Players stage open-air production of The Tempest",
    excerpt:
      "The amateur company will perform Shakespeare's island drama on the clifftop at Pellow Point, with a cast of 40 and a score by local students.",
    category: "culture",
    tags: ["arts", "education"],
    author: "lucia",
    status: "SCHEDULED",
    daysAgo: -3,
    cover: {
      key: "tempest-production-cover",
      alt: "Stormy indigo waves breaking against a dark headland under a swirling sky",
      caption: "Pellow Point's clifftop lawn will serve as Prospero's island.",
      credit: "Photo: Rhys Penhallow / Broadsheet",
      hue: 240,
      motif: "waves",
    },
    figure: {
      key: "tempest-rehearsal",
      alt: "Overlapping sea-green circles suggesting actors gathered in a rehearsal circle",
      caption: "The cast rehearses in a school hall before moving out to the clifftop.",
      credit: "Photo: Rhys Penhallow / Broadsheet",
      hue: 155,
      motif: "circles",
    },
    related: "derelict-rope-works-reborn-as-harbourfords-newest-arts-venue",
    body: `Harbourford Players, the city's oldest amateur theatre company, will stage *The Tempest* on the clifftop at Pellow Point this summer, in its most ambitious open-air production since it was founded in 1936.

The production, which opens next month and runs for 12 performances, features a cast of 40 aged from nine to 81 and an original score composed and performed by music students from Harbourford College.

## An island on the headland

Director Ottilie Marsh said the play and the venue were chosen together. "We stood on the cliff on a windy evening in March, watching the sea turn grey and silver, and it was obvious," she said. "If ever there was a play that should be performed with real weather in it, it's this one."

The audience will sit on a grassy slope facing the sea, with the action staged on a series of low wooden platforms. The company has built its production around the light, with performances starting at 7.30pm so that the final act plays out as the sun sets behind the headland.

> "The sea is our set designer," said Ms Marsh. "We could not compete with it, so we decided to collaborate with it."

![Overlapping sea-green circles suggesting actors gathered in a rehearsal circle](figure:tempest-rehearsal "The cast rehearses in a school hall before moving out to the clifftop. | Photo: Rhys Penhallow / Broadsheet")

## Music from the next generation

The score, written by a group of six students, draws on sea shanties, electronic drones and recordings of gulls and wind made at the point itself. It will be performed live by a 12-piece ensemble positioned among the audience.

Student composer Femi Oyelaran, 17, who wrote the music for Ariel's songs, said working with the company had been daunting. "The words are 400 years old and everyone knows them," he said. "We wanted the music to feel like it belongs to the island, not to a museum."

## Practical details

Because of the exposed location, the company is advising audience members to:

- bring warm layers and waterproofs, whatever the forecast
- wear sturdy shoes for the ten-minute walk from the car park
- bring a cushion or low chair, as seating is on grass

A free shuttle bus will run from the city centre, and a limited number of accessible viewing spaces with level access can be booked in advance. Performances will go ahead in light rain but may be cancelled in high winds, with tickets refunded in full.

Tickets cost £14, or £8 for under-18s, and go on sale at The Ropewalk box office and online next week. Half of the proceeds will support the company's youth drama programme.

**You might also want to read:** [Derelict rope works reborn as Harbourford's newest arts venue](/posts/derelict-rope-works-reborn-as-harbourfords-newest-arts-venue)`,
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
