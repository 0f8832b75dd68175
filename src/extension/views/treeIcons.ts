import * as vscode from 'vscode';
import type { CoverageState } from '../../core';

/** Theme-aware icons for the trees: codicons tinted with theme colours, so every theme looks right. */
const icon = (id: string, color?: string) => new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);

/** A requirement's status, at a glance: outline while open, filled as it progresses, green when shipped. */
export function requirementStatusIcon(status: string | undefined): vscode.ThemeIcon {
  switch (status) {
    case 'approved': return icon('circle-large-filled', 'charts.blue');
    case 'in-progress': return icon('play-circle', 'charts.yellow');
    case 'done': return icon('pass', 'charts.green');
    case 'verified': return icon('verified-filled', 'charts.green');
    case 'rejected': return icon('circle-slash', 'disabledForeground');
    case 'deferred': return icon('debug-pause', 'disabledForeground');
    default: return icon('circle-large-outline');
  }
}

/** A document's review status. */
export function documentStatusIcon(status: string | undefined): vscode.ThemeIcon {
  switch (status) {
    case 'review': return icon('eye', 'charts.yellow');
    case 'approved': return icon('pass-filled', 'charts.green');
    case 'obsolete': return icon('archive', 'disabledForeground');
    default: return icon('edit');
  }
}

export type StageProgress = 'done' | 'current' | 'behind' | 'ahead' | 'idle';

/** A lifecycle stage relative to where the product is. */
export function stageIcon(progress: StageProgress): vscode.ThemeIcon {
  switch (progress) {
    case 'done': return icon('pass-filled', 'charts.green');
    case 'current': return icon('arrow-circle-right', 'charts.blue');
    case 'behind': return icon('warning', 'charts.yellow');
    case 'ahead': return icon('circle-large-outline', 'disabledForeground');
    default: return icon('circle-large-outline');
  }
}

export function coverageIcon(state: CoverageState, broken: boolean): vscode.ThemeIcon {
  if (broken) return icon('error', 'problemsErrorIcon.foreground');
  switch (state) {
    case 'code': return icon('pass', 'charts.green');
    case 'downstream': return icon('pass', 'charts.blue');
    default: return icon('circle-large-outline', 'charts.orange');
  }
}

export const ICONS = {
  product: () => icon('package'),
  missing: () => icon('add', 'disabledForeground'),
  document: () => icon('book'),
  release: () => icon('tag'),
  unscheduled: () => icon('inbox'),
  upstream: () => icon('arrow-up'),
  downstream: () => icon('arrow-down'),
  broken: () => icon('debug-disconnect', 'problemsErrorIcon.foreground'),
  reference: () => vscode.ThemeIcon.File,
} as const;
