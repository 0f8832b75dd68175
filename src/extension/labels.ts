import * as vscode from 'vscode';
import { isLifecycleStage, type LifecycleStage } from '../core';

/** Keyed by the core's stage type, so a stage added there cannot be left without a name here. */
const STAGE_LABELS: Readonly<Record<LifecycleStage, () => string>> = {
  concept: () => vscode.l10n.t('Concept'),
  productization: () => vscode.l10n.t('Productization'),
  development: () => vscode.l10n.t('Development'),
  commercialization: () => vscode.l10n.t('Commercialization'),
  market: () => vscode.l10n.t('Market'),
  retired: () => vscode.l10n.t('Retired'),
};

/** Localized names of lifecycle stages, shared by hovers, trees and pickers; other values as written. */
export function stageLabel(stage: string | undefined): string {
  return isLifecycleStage(stage) ? STAGE_LABELS[stage]() : stage ?? '';
}

/** What each requirement status means, for completion and pickers. */
export function statusDescription(status: string): string | undefined {
  switch (status) {
    case 'proposed': return vscode.l10n.t('Proposed: written down, not yet agreed');
    case 'approved': return vscode.l10n.t('Approved: agreed and ready to plan');
    case 'in-progress': return vscode.l10n.t('In progress: being built');
    case 'done': return vscode.l10n.t('Done: built, awaiting verification');
    case 'verified': return vscode.l10n.t('Verified: tested and accepted');
    case 'rejected': return vscode.l10n.t('Rejected: will not be built');
    case 'deferred': return vscode.l10n.t('Deferred: postponed to a later release');
    default: return undefined;
  }
}

export function priorityDescription(priority: string): string | undefined {
  switch (priority) {
    case 'P0': return vscode.l10n.t('P0: must have, blocks the release');
    case 'P1': return vscode.l10n.t('P1: should have');
    case 'P2': return vscode.l10n.t('P2: could have');
    case 'P3': return vscode.l10n.t('P3: nice to have');
    default: return undefined;
  }
}
