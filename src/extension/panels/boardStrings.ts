import * as vscode from 'vscode';
import { LIFECYCLE_STAGES } from '../../core';
import type { BoardStrings } from '../../shared/protocol';
import { stageLabel } from '../labels';

/** The board's UI strings in the display language; the webview gets them in a data attribute. */
export function boardStrings(): BoardStrings {
  return {
    boardLabel: vscode.l10n.t('Requirements board'),
    groupBy: vscode.l10n.t('Group by'),
    groups: { status: vscode.l10n.t('Status'), stage: vscode.l10n.t('Stage'), priority: vscode.l10n.t('Priority'), release: vscode.l10n.t('Release'), owner: vscode.l10n.t('Owner') },
    filterText: vscode.l10n.t('Filter by ID or title'),
    filterLabels: { doc: vscode.l10n.t('Document'), product: vscode.l10n.t('Product'), release: vscode.l10n.t('Release'), priority: vscode.l10n.t('Priority'), owner: vscode.l10n.t('Owner') },
    all: vscode.l10n.t('All'),
    notSet: vscode.l10n.t('Not set'),
    refresh: vscode.l10n.t('Refresh'),
    clearFilters: vscode.l10n.t('Clear filters'),
    statusNames: {
      proposed: vscode.l10n.t('Proposed'), approved: vscode.l10n.t('Approved'), 'in-progress': vscode.l10n.t('In progress'), done: vscode.l10n.t('Done'),
      verified: vscode.l10n.t('Verified'), rejected: vscode.l10n.t('Rejected'), deferred: vscode.l10n.t('Deferred'),
    },
    stageNames: Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s, stageLabel(s)])),
    unknownValue: vscode.l10n.t("'{0}' is not one of the configured values; fix it in the document"),
    collapse: vscode.l10n.t('Collapse {0}'),
    expand: vscode.l10n.t('Expand {0}'),
    count: vscode.l10n.t('{0} requirements'),
    codeRefs: vscode.l10n.t('{0} code references'),
    oneCodeRef: vscode.l10n.t('1 code reference'),
    noCodeRefs: vscode.l10n.t('No code references'),
    problems: vscode.l10n.t('{0} problems'),
    oneProblem: vscode.l10n.t('1 problem'),
    keyboardHelp: vscode.l10n.t('Arrow keys move between cards. Enter opens the definition. Space picks the card up; then Left and Right choose a column, Space drops the card there and Escape cancels.'),
    pickedUp: vscode.l10n.t('Picked up {0} from {1}. Use Left and Right to choose a column, Space to drop, Escape to cancel.'),
    overColumn: vscode.l10n.t('Over {0}.'),
    dropped: vscode.l10n.t('Moving {0} to {1}.'),
    cancelled: vscode.l10n.t('Move cancelled.'),
    notAllowed: vscode.l10n.t('{0} cannot be moved to {1} in this grouping.'),
    onlyFrom: vscode.l10n.t('A requirement can only become {0} from {1}.'),
    indexing: vscode.l10n.t('Indexing the workspace…'),
    empty: vscode.l10n.t('No requirements yet. A requirement is a heading such as "### REQ-001: Title" or a table row whose first column is ID.'),
    noMatch: vscode.l10n.t('No requirements match the filters.'),
    cardLabel: vscode.l10n.t('{0}: {1}. Status {2}, priority {3}, in {4}. {5}'),
    emptyColumn: vscode.l10n.t('No requirements'),
    undo: vscode.l10n.t('Undo'),
    redo: vscode.l10n.t('Redo'),
    nothingToUndo: vscode.l10n.t('Nothing to undo on the board.'),
    nothingToRedo: vscode.l10n.t('Nothing to redo on the board.'),
    dismiss: vscode.l10n.t('Dismiss'),
  };
}
