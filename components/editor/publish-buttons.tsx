import type { DisplayStatus } from "@/lib/posts/display-status";
import type { TransitionName } from "@/components/editor/hooks/use-post-transitions";
import type { ActionOutcome, EditorActions, EditorPermissions, LiveState, PostStatus, PostSummary } from "@/components/editor/types";

type Run = ((postId: string, expectedVersion: number) => Promise<ActionOutcome<PostSummary>>) | null;

/** The buttons a role gets for a post in this state (the server refuses the rest anyway). */
export function PublishButtons({
  permissions,
  actions,
  status,
  displayed,
  live,
  unpublished,
  publishable,
  disabled,
  publishAt,
  onTransition,
  onDiscard,
}: {
  permissions: EditorPermissions;
  actions: EditorActions;
  status: PostStatus;
  displayed: DisplayStatus;
  live: LiveState;
  unpublished: boolean;
  publishable: boolean;
  disabled: boolean;
  publishAt: string;
  onTransition: (name: TransitionName, run: Run, success: string) => void;
  onDiscard: () => void;
}) {
  const isLive = status === "PUBLISHED";
  const scheduled = displayed === "SCHEDULED";
  const scheduleDate = publishAt ? new Date(publishAt) : null;
  // Whether the date is in the future is checked by the server, next to the field.
  const canSchedule = !!scheduleDate && !Number.isNaN(scheduleDate.getTime());
  return (
    <div className="button-stack">
      {isLive && permissions.update ? (
        <button
          type="button"
          disabled={disabled}
          onClick={() => onTransition("update", (postId, expectedVersion) => actions.updateLive({ postId, expectedVersion }), scheduled ? "Updated. The scheduled version has your changes." : "Updated. Readers see the change now.")}
        >
          Update
        </button>
      ) : null}
      <button type="button" className={permissions.publish || (isLive && permissions.update) ? "secondary" : ""} disabled={disabled} onClick={() => onTransition("save", null, isLive ? "Changes saved. Readers still see the published version." : "Draft saved.")}>
        Save draft
      </button>
      {isLive && permissions.discard && unpublished ? (
        <button type="button" className="secondary" disabled={disabled} onClick={onDiscard}>
          Discard changes
        </button>
      ) : null}
      {!permissions.publish && (status === "DRAFT" || status === "REJECTED") ? (
        <button type="button" disabled={disabled} onClick={() => onTransition("submit", (postId) => actions.submitForReview({ postId }), "Submitted for review. An editor will look at it.")}>
          Submit for review
        </button>
      ) : null}
      {!permissions.update && permissions.submit && isLive && unpublished && !live.submitted ? (
        <button type="button" disabled={disabled} onClick={() => onTransition("submit", (postId) => actions.submitForReview({ postId }), "Submitted your changes for review. Readers see them once an editor approves them.")}>
          Submit changes for review
        </button>
      ) : null}
      {status === "ARCHIVED" && permissions.delete ? (
        <button type="button" disabled={disabled} onClick={() => onTransition("restore", (postId) => actions.restoreArchived({ postId }), "Restored as a draft.")}>
          Restore as draft
        </button>
      ) : null}
      {permissions.publish && publishable ? (
        <button type="button" disabled={disabled} onClick={() => onTransition("publish", (postId, expectedVersion) => actions.publish({ postId, expectedVersion }), "Published.")}>
          {scheduled ? "Publish now" : "Publish"}
        </button>
      ) : null}
      {permissions.publish && publishable ? (
        <button
          type="button"
          className="secondary"
          disabled={disabled || !canSchedule}
          title={canSchedule ? undefined : "Choose a publish date in the future first."}
          onClick={() => onTransition("schedule", (postId, expectedVersion) => actions.schedule({ postId, expectedVersion, publishAt: new Date(publishAt).toISOString() }), "Scheduled.")}
        >
          Schedule
        </button>
      ) : null}
      {permissions.publish && isLive ? (
        <button type="button" className="danger" disabled={disabled} onClick={() => onTransition("unpublish", (postId, expectedVersion) => actions.unpublish({ postId, expectedVersion }), "Unpublished. Readers no longer see this post.")}>
          Unpublish
        </button>
      ) : null}
    </div>
  );
}
