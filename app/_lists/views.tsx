import Link from "next/link";
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { env } from "@/lib/env";
import { featuredPost, listPublishedPosts, preloadListCount, type PostPage } from "@/lib/posts/public-posts";
import { publicAuthorByUsername, publicCategoryBySlug, publicTagBySlug } from "@/lib/posts/public-taxonomy";
import { resolveTaxonomyRedirect } from "@/lib/taxonomy/resolve-taxonomy-redirect";
import { pageMetadata } from "@/lib/seo/metadata";
import { PostList } from "@/components/post-list";
import { Pagination, pageHref } from "@/components/pagination";
import { ResponsiveImage } from "@/components/responsive-image";
import { CardByline } from "@/components/post-card";

/**
 * Home, section, tag and author lists. Page 1 is the route itself; page n is
 * reached as `?page=n`, which next.config.ts rewrites to `/…/page/n` so every
 * page of every list is a separately cached static page (query strings would
 * force a render per request). Each of those routes is `listRoute(kind)`
 * (bottom of this file) plus the segment config Next.js reads from the route
 * file itself.
 */

function parsePage(raw: string | undefined): number {
  if (raw === undefined) return 1;
  if (!/^[1-9][0-9]{0,3}$/.test(raw)) notFound();
  return Number(raw);
}

function titleWithPage(title: string, page: number) {
  return page > 1 ? `${title} (page ${page})` : title;
}

/** One page of a list's published articles; a page past the last is a 404. */
async function publishedPage(options: Parameters<typeof listPublishedPosts>[0]): Promise<PostPage> {
  const list = await listPublishedPosts(options);
  if (options.page > list.pages) notFound();
  return list;
}

/**
 * A section or tag by its slug, with its page of articles. An old slug (a
 * rename or a merge) answers a permanent redirect to the current one; an
 * unknown one is a 404.
 */
const termListData = cache(async (kind: "category" | "tag", slug: string, page: number) => {
  const term = kind === "category" ? await publicCategoryBySlug(slug) : await publicTagBySlug(slug);
  if (!term) {
    const moved = await resolveTaxonomyRedirect(kind, slug);
    if (moved) permanentRedirect(`/${kind}/${moved}`);
    notFound();
  }
  const list = await publishedPage({ list: kind === "category" ? { kind: "section", sectionId: term.id } : { kind: "tag", tagId: term.id }, page });
  return { term, list };
});

// ---- Home -------------------------------------------------------------------

const homeData = cache(async (page: number) => {
  // The list's count (all public posts) runs while the lead is found.
  preloadListCount({ kind: "home" });
  const lead = page === 1 ? await featuredPost() : null;
  const list = await publishedPage({ list: { kind: "home" }, page, excludeIds: lead ? [lead.id] : [] });
  return { lead, list };
});

async function homeMetadata(page: number): Promise<Metadata> {
  const { SITE_NAME, SITE_DESCRIPTION } = env();
  const meta = pageMetadata({ title: titleWithPage(SITE_NAME, page), description: SITE_DESCRIPTION, path: pageHref("/", page) });
  return { ...meta, title: { absolute: page > 1 ? `${SITE_NAME}: latest news (page ${page})` : `${SITE_NAME}: latest news` } };
}

async function HomeView({ page }: { page: number }) {
  const { lead, list } = await homeData(page);
  return (
    <>
      <h1 className="visually-hidden">{page > 1 ? `Latest news, page ${page}` : "Latest news"}</h1>
      {lead ? (
        <article className="featured" aria-labelledby="lead-title">
          {lead.coverMedia ? (
            <Link href={`/posts/${lead.slug}`} tabIndex={-1} aria-hidden="true">
              <ResponsiveImage {...lead.coverMedia} alt={lead.coverMedia.altText} sizes="(min-width: 1100px) 640px, (min-width: 760px) 55vw, 100vw" priority />
            </Link>
          ) : null}
          <div>
            {lead.category ? (
              <Link className="kicker" href={`/category/${lead.category.slug}`}>
                {lead.category.name}
              </Link>
            ) : null}
            <h2 id="lead-title">
              <Link href={`/posts/${lead.slug}`}>{lead.title}</Link>
            </h2>
            {lead.excerpt ? <p className="standfirst">{lead.excerpt}</p> : null}
            <CardByline author={lead.author} publishedAt={lead.publishedAt} />
          </div>
        </article>
      ) : null}
      {lead || page > 1 ? <h2 className="section-title">{page > 1 ? `Latest news, page ${page}` : "Latest news"}</h2> : null}
      <PostList posts={list.posts} empty={lead ? "No other articles yet." : "Nothing has been published yet."} />
      <Pagination basePath="/" page={page} pages={list.pages} />
    </>
  );
}

// ---- Shared list layout -----------------------------------------------------

function ListLayout({ kicker, title, description, list, basePath, feed, children }: { kicker: string; title: string; description: string; list: PostPage; basePath: string; feed?: string; children?: React.ReactNode }) {
  return (
    <>
      <header className="page-heading">
        <p className="kicker">{kicker}</p>
        <h1>{titleWithPage(title, list.page)}</h1>
        {children}
        {description ? <p className="page-description">{description}</p> : null}
        <p className="meta">
          {list.total === 1 ? "1 article" : `${list.total} articles`}
          {feed ? (
            <>
              {" · "}
              <a href={feed}>RSS feed</a>
            </>
          ) : null}
        </p>
      </header>
      <PostList posts={list.posts} empty="No articles here yet." />
      <Pagination basePath={basePath} page={list.page} pages={list.pages} />
    </>
  );
}

// ---- Category ---------------------------------------------------------------

async function categoryMetadata(slug: string, page: number): Promise<Metadata> {
  const { term: category } = await termListData("category", slug, page);
  const base = pageMetadata({
    title: titleWithPage(category.name, page),
    description: category.description || `The latest ${category.name} news from ${env().SITE_NAME}.`,
    path: pageHref(`/category/${category.slug}`, page),
  });
  return { ...base, alternates: { ...base.alternates, types: { "application/rss+xml": [{ url: `/category/${category.slug}/feed.xml`, title: `${category.name} RSS` }] } } };
}

async function CategoryView({ slug, page }: { slug: string; page: number }) {
  const { term: category, list } = await termListData("category", slug, page);
  return <ListLayout kicker="Section" title={category.name} description={category.description} list={list} basePath={`/category/${category.slug}`} feed={`/category/${category.slug}/feed.xml`} />;
}

// ---- Tag --------------------------------------------------------------------

async function tagMetadata(slug: string, page: number): Promise<Metadata> {
  const { term: tag } = await termListData("tag", slug, page);
  return pageMetadata({
    title: titleWithPage(`Articles tagged “${tag.name}”`, page),
    description: tag.description || `Articles about ${tag.name} from ${env().SITE_NAME}.`,
    path: pageHref(`/tag/${tag.slug}`, page),
  });
}

async function TagView({ slug, page }: { slug: string; page: number }) {
  const { term: tag, list } = await termListData("tag", slug, page);
  return <ListLayout kicker="Tag" title={tag.name} description={tag.description} list={list} basePath={`/tag/${tag.slug}`} />;
}

// ---- Author -----------------------------------------------------------------

const authorData = cache(async (username: string, page: number) => {
  const author = await publicAuthorByUsername(username);
  if (!author) notFound();
  const list = await publishedPage({ list: { kind: "author", authorId: author.id }, page });
  return { author, list };
});

async function authorMetadata(username: string, page: number): Promise<Metadata> {
  const { author } = await authorData(username, page);
  const meta = pageMetadata({
    title: titleWithPage(author.displayName, page),
    description: author.bio || `Articles by ${author.displayName} for ${env().SITE_NAME}.`,
    path: pageHref(`/authors/${author.username}`, page),
    image: author.avatarMedia,
  });
  return { ...meta, openGraph: { ...meta.openGraph, type: "profile", username: author.username } };
}

async function AuthorView({ username, page }: { username: string; page: number }) {
  const { author, list } = await authorData(username, page);
  return (
    <ListLayout kicker="Author" title={author.displayName} description={author.bio} list={list} basePath={`/authors/${author.username}`}>
      {author.avatarMedia ? (
        <div className="author-avatar">
          <ResponsiveImage {...author.avatarMedia} alt={`Portrait of ${author.displayName}`} sizes="96px" priority />
        </div>
      ) : null}
    </ListLayout>
  );
}

// ---- The list routes --------------------------------------------------------

export type ListKind = "home" | "category" | "tag" | "author";

/** A list route's segments: the list's key (`[slug]`, `[username]`; none on home) and `[page]` (none on page 1). */
type ListRouteProps = { params: Promise<{ slug?: string; username?: string; page?: string }> };

async function listTarget({ params }: ListRouteProps): Promise<{ key: string; page: number }> {
  const { slug, username, page } = await params;
  return { key: slug ?? username ?? "", page: parsePage(page) };
}

function listMetadata(kind: ListKind, key: string, page: number): Promise<Metadata> {
  if (kind === "category") return categoryMetadata(key, page);
  if (kind === "tag") return tagMetadata(key, page);
  if (kind === "author") return authorMetadata(key, page);
  return homeMetadata(page);
}

function ListView({ kind, listKey, page }: { kind: ListKind; listKey: string; page: number }) {
  if (kind === "category") return <CategoryView slug={listKey} page={page} />;
  if (kind === "tag") return <TagView slug={listKey} page={page} />;
  if (kind === "author") return <AuthorView username={listKey} page={page} />;
  return <HomeView page={page} />;
}

/**
 * What every list route (page 1 and `page/[page]`) exports: its page, its
 * metadata and no prerendered params (each page renders on first request,
 * then stays cached: `dynamicParams = true` in the route file).
 */
export function listRoute(kind: ListKind) {
  return {
    generateStaticParams: async (): Promise<never[]> => [],
    generateMetadata: async (props: ListRouteProps): Promise<Metadata> => {
      const { key, page } = await listTarget(props);
      return listMetadata(kind, key, page);
    },
    Page: async function ListPage(props: ListRouteProps) {
      const { key, page } = await listTarget(props);
      return <ListView kind={kind} listKey={key} page={page} />;
    },
  };
}
