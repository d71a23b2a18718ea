-- Issue 16: publishing, unpublishing and deleting a replay, and a clip's life, join the showcase's audit
-- trail (LiveSessionEvent) next to the host's and moderators' other actions.
ALTER TYPE "LiveSessionEventKind" ADD VALUE 'REPLAY_PUBLISHED';
ALTER TYPE "LiveSessionEventKind" ADD VALUE 'REPLAY_UNPUBLISHED';
ALTER TYPE "LiveSessionEventKind" ADD VALUE 'REPLAY_REMOVED';
ALTER TYPE "LiveSessionEventKind" ADD VALUE 'CLIP_CREATED';
ALTER TYPE "LiveSessionEventKind" ADD VALUE 'CLIP_PUBLISHED';
ALTER TYPE "LiveSessionEventKind" ADD VALUE 'CLIP_UNPUBLISHED';
ALTER TYPE "LiveSessionEventKind" ADD VALUE 'CLIP_REMOVED';
