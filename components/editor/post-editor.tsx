"use client";

import { useRef, useState } from "react";
import { PUBLISHABLE_FROM } from "@/lib/authz/permissions";
import { displayStatus } from "@/lib/posts/display-status";
import { ImageDialog, type UploadedImage } from "@/components/editor/image-dialog";
import { RevisionsPanel } from "@/components/editor/revisions-panel";
import { ConflictBanner, NoticeLine, RestoreBanner, ReviewNotes } from "@/components/editor/editor-banners";
import { WritePanel, type PickImage } from "@/components/editor/write-panel";
import { PublishPanel } from "@/components/editor/publish-panel";
import { PublishButtons } from "@/components/editor/publish-buttons";
import { SettingsPanel } from "@/components/editor/settings-panel";
import { CoverPanel } from "@/components/editor/cover-panel";
import { initialEditorState, isDirty } from "@/components/editor/save-state";
import { useEditorStore } from "@/components/editor/hooks/use-editor-store";
import { useAutosave } from "@/components/editor/hooks/use-autosave";
import { useLocalDraft } from "@/components/editor/hooks/use-local-draft";
import { usePostTransitions } from "@/components/editor/hooks/use-post-transitions";
import { useHydrated } from "@/components/editor/hooks/use-hydrated";
import { figureMarkdown, snapshot, type EditorActions, type EditorFields, type EditorInitial, type EditorPermissions } from "@/components/editor/types";

export type { EditorActions, EditorInitial, EditorPermissions } from "@/components/editor/types";
export { UNAVAILABLE_SAVE_MESSAGE } from "@/components/editor/save-state";

/**
 * The post editor: state in a pure reducer (save-state.ts), effects in hooks
 * (hooks/), pieces of the screen in small components. The page keys it by
 * post id and hands it the server actions it may call.
 */
export function PostEditor({
  initial,
  permissions,
  actions,
  author,
  categories,
  tagNames,
  maxUploadMb,
}: {
  initial: EditorInitial;
  permissions: EditorPermissions;
  actions: EditorActions;
  author: { displayName: string; username: string };
  categories: { id: string; name: string }[];
  tagNames: string[];
  maxUploadMb: number;
}) {
  const [state, store] = useEditorStore(() => initialEditorState(initial));
  const [serverSnapshot] = useState(() => snapshot(initial.fields));
  const readOnly = !permissions.edit;
  const hydrated = useHydrated();
  const dirty = isDirty(state);
  const neverSaved = initial.blank && state.saved === serverSnapshot;
  const local = useLocalDraft({ storageId: neverSaved ? "new" : initial.id, fields: state.fields, dirty, enabled: !readOnly, serverSnapshot });
  const { flush, withSavesPaused } = useAutosave(store, state, {
    enabled: !readOnly,
    onSaved: () => {
      if (!isDirty(store.getState())) local.clear();
    },
  });
  const transitions = usePostTransitions({ store, actions, flush, withSavesPaused, clearLocal: local.clear });
  const [pendingImage, setPendingImage] = useState<{ file: File; purpose: "cover" | "inline" } | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const { fields, post, fieldErrors, notice, conflict } = state;
  const edit = (changes: Partial<EditorFields>) => store.dispatch({ type: "edit", changes });
  const pickImage: PickImage = (files, purpose) => {
    const file = files ? (Array.from(files).find((f) => f.type.startsWith("image/") || f.type === "") ?? files[0]) : undefined;
    if (file) setPendingImage({ file, purpose });
  };
  function insertImage(image: UploadedImage) {
    const body = store.getState().fields.body;
    const at = bodyRef.current ? bodyRef.current.selectionStart : body.length;
    const before = body.slice(0, at);
    const after = body.slice(at);
    const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
    const tail = after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
    edit({ body: `${before}${lead}${figureMarkdown(image)}${tail}${after}` });
  }

  const displayed = displayStatus({ status: post.status, publishedAt: post.publishedAt ? new Date(post.publishedAt) : null });
  const isLive = post.status === "PUBLISHED";
  // What readers see compared with what is in the editor (typed-but-unsaved text is unpublished too).
  const unpublished = isLive && (post.live.hasChanges || dirty);
  // The server refuses the rest (a live post is updated, an archived one restored first).
  const publishable = (PUBLISHABLE_FROM as readonly string[]).includes(displayed);
  const scheduleDate = state.publishAt ? new Date(state.publishAt) : null;
  const previewDate = post.publishedAt ? new Date(post.publishedAt) : scheduleDate && !Number.isNaN(scheduleDate.getTime()) ? scheduleDate : new Date();

  return (
    <div className="editor">
      <div className="editor-main">
        {local.offer ? (
          <RestoreBanner
            savedAt={local.offer.savedAt}
            onRestore={() => {
              const kept = local.accept();
              if (kept) edit(kept);
            }}
            onDiscard={local.dismiss}
          />
        ) : null}
        {conflict ? <ConflictBanner conflict={conflict} onReload={() => void transitions.reloadTheirs()} onKeepMine={() => void transitions.keepMine()} /> : null}
        {notice ? <NoticeLine notice={notice} /> : null}
        <ReviewNotes status={post.status} reviewNote={initial.reviewNote} live={post.live} />
        <WritePanel
          fields={fields}
          fieldErrors={fieldErrors}
          readOnly={readOnly}
          onEdit={edit}
          onPickImage={pickImage}
          bodyRef={bodyRef}
          author={author}
          categoryName={categories.find((c) => c.id === fields.categoryId)?.name ?? null}
          previewDate={previewDate}
        />
      </div>

      <aside className="editor-side" aria-label="Post settings">
        <PublishPanel postId={post.id} readOnly={readOnly} saveStatus={state.status} neverSaved={neverSaved} status={post.status} displayed={displayed} live={post.live} unpublished={unpublished}>
          <PublishButtons
            permissions={permissions}
            actions={actions}
            status={post.status}
            displayed={displayed}
            live={post.live}
            unpublished={unpublished}
            publishable={publishable}
            disabled={!hydrated || transitions.busy !== null}
            publishAt={state.publishAt}
            onTransition={(name, run, success) => void transitions.transition(name, run, success)}
            onDiscard={() => void transitions.discard()}
          />
        </PublishPanel>
        <SettingsPanel
          fields={fields}
          fieldErrors={fieldErrors}
          readOnly={readOnly}
          canPublish={permissions.publish}
          publishAt={state.publishAt}
          liveSlug={isLive ? post.live.slug : null}
          categories={categories}
          tagNames={tagNames}
          onEdit={edit}
          onSlugEdit={(slug) => store.dispatch({ type: "slugEdited", slug })}
          onPublishAt={(value) => store.dispatch({ type: "publishAtEdited", value })}
        />
        <CoverPanel cover={fields.cover} readOnly={readOnly} fieldErrors={fieldErrors} onChange={(cover) => edit({ cover })} onPickImage={pickImage} />
        {!neverSaved ? (
          <RevisionsPanel postId={post.id} currentBody={fields.body} canRestore={!readOnly} onRestore={transitions.restoreRevision} listRevisions={actions.listRevisions} getRevision={actions.getRevision} />
        ) : null}
      </aside>

      <ImageDialog
        key={pendingImage ? `${pendingImage.file.name}-${pendingImage.file.size}-${pendingImage.file.lastModified}` : "none"}
        file={pendingImage?.file ?? null}
        purpose={pendingImage?.purpose ?? "inline"}
        maxUploadMb={maxUploadMb}
        onClose={() => setPendingImage(null)}
        onUploaded={(image) => {
          if (pendingImage?.purpose === "cover") edit({ cover: image });
          else insertImage(image);
          setPendingImage(null);
        }}
      />
    </div>
  );
}
