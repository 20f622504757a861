export { CommentsSection, type ApprovedComment } from "@/components/comments/comments-section";
export { ArticleEditLink } from "@/components/comments/comments-client";
