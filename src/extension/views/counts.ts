import * as vscode from 'vscode';

/**
 * Counted nouns for descriptions and tooltips. vscode.l10n has no plural rules, so English gets
 * its singular here ("1 error", not "1 errors"); Chinese needs no plural and maps both forms alike.
 */
export const counts = {
  documents: (n: number) => (n === 1 ? vscode.l10n.t('1 document') : vscode.l10n.t('{0} documents', n)),
  requirements: (n: number) => (n === 1 ? vscode.l10n.t('1 requirement') : vscode.l10n.t('{0} requirements', n)),
  products: (n: number) => (n === 1 ? vscode.l10n.t('1 product') : vscode.l10n.t('{0} products', n)),
  releases: (n: number) => (n === 1 ? vscode.l10n.t('1 release') : vscode.l10n.t('{0} releases', n)),
  errors: (n: number) => (n === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', n)),
  warnings: (n: number) => (n === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', n)),
};
