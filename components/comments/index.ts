export { CommentsSection } from "@/components/comments/comments-section";
