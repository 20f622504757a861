import type { Metadata } from "next";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { AdminNav, type AdminNavLink } from "@/components/admin-nav";
import { FlashProvider } from "@/components/admin-flash";
import "./admin.css";
import { adminNavCounts } from "@/lib/admin/nav-counts";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin" }, robots: { index: false } };

/**
 * Shell for /admin. Protection is NOT here: every page and action checks the
 * rule table itself (requirePageActor / formAction). This only decides which
 * sections to link.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  const counts = actor && can(actor, "review.access") ? await adminNavCounts({ mail: can(actor, "mail.read") }) : null;
  const links: AdminNavLink[] = [];
  if (can(actor, "review.access")) links.push({ href: "/admin/review", label: "Review queue", badge: counts?.inReview });
  if (can(actor, "post.editAny")) links.push({ href: "/admin/posts", label: "Posts", badge: counts?.reportedPosts });
  if (can(actor, "comment.moderate")) links.push({ href: "/admin/comments", label: "Comments", badge: counts?.pendingComments });
  if (can(actor, "taxonomy.manage")) links.push({ href: "/admin/taxonomy", label: "Categories & tags" });
  if (can(actor, "user.manage")) links.push({ href: "/admin/users", label: "Users" });
  if (can(actor, "mail.read")) links.push({ href: "/admin/mail", label: "Mail", badge: counts?.failedMail, badgeLabel: "failed" });
  if (can(actor, "audit.read")) links.push({ href: "/admin/audit", label: "Audit log" });
  if (can(actor, "settings.manage")) links.push({ href: "/admin/settings", label: "Site settings" });
  if (can(actor, "site.import")) links.push({ href: "/admin/import", label: "Import" }, { href: "/admin/redirects", label: "Old addresses" });
  if (can(actor, "user.manage")) links.push({ href: "/admin/roles", label: "Roles" });
  if (can(actor, "site.export")) links.push({ href: "/admin/export", label: "Export" });
  return (
    <div className="admin">
      {links.length > 0 ? <AdminNav links={links} /> : null}
      <div className="admin-main">
        <FlashProvider>{children}</FlashProvider>
      </div>
    </div>
  );
}
