import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { WorkspaceId } from '../../session/personnel';
import { WorkspaceHome } from './WorkspaceHome';

/**
 * A workspace's pages: its home (the layout of modules) at the workspace's own path, and the
 * pages it adds below it (`children`: <Route> elements with paths relative to the workspace).
 * An unknown path below the workspace goes back to its home.
 */
export function WorkspaceRoutes({ workspaceId, children }: { workspaceId: WorkspaceId; children?: ReactNode }) {
  return (
    <Routes>
      <Route index element={<WorkspaceHome workspaceId={workspaceId} />} />
      {children}
      <Route path="*" element={<Navigate to={`/${workspaceId}`} replace />} />
    </Routes>
  );
}
