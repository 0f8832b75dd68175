import type { Locale } from '../types';
import { escapeHtml } from './escape';
import { icon } from './icons';
import { renderMessage, statusLabel } from './renderMessages';

/** Colour families of requirement statuses; CSS maps each to theme colours. */
export type StatusTone = 'proposed' | 'approved' | 'active' | 'done' | 'verified' | 'closed' | 'unknown';

const TONES: Record<string, StatusTone> = {
  proposed: 'proposed', approved: 'approved', 'in-progress': 'active', done: 'done', verified: 'verified',
  rejected: 'closed', deferred: 'closed',
};

export function statusTone(status: string, known: readonly string[]): StatusTone {
  if (!known.includes(status)) return 'unknown';
  return TONES[status] ?? 'proposed';
}

/** How urgent a priority is, by its rank in the configured list (the first is the most urgent). */
export function priorityRank(priority: string, priorities: readonly string[]): number {
  const i = priorities.indexOf(priority);
  return i < 0 ? -1 : Math.min(i, 3);
}

export function statusBadge(locale: Locale, status: string, known: readonly string[]): string {
  const tone = statusTone(status, known);
  const title = tone === 'unknown' ? ` title="${escapeHtml(renderMessage(locale, 'badge.unknownStatus', { value: status }))}"` : '';
  return `<span class="sb-badge sb-status sb-tone-${tone}" data-status="${escapeHtml(status)}"${title}>${escapeHtml(statusLabel(locale, status))}</span>`;
}

export function priorityBadge(locale: Locale, priority: string, priorities: readonly string[]): string {
  const rank = priorityRank(priority, priorities);
  const label = escapeHtml(renderMessage(locale, 'field.priority'));
  return `<span class="sb-badge sb-priority sb-rank-${rank < 0 ? 'unknown' : rank}" title="${label}">${escapeHtml(priority)}</span>`;
}

/** A quiet metadata chip (release, owner) with its icon. */
export function metaChip(kind: 'release' | 'owner', value: string, locale: Locale): string {
  const title = escapeHtml(renderMessage(locale, kind === 'release' ? 'field.release' : 'field.owner'));
  return `<span class="sb-chip sb-${kind}" title="${title}">${icon(kind === 'release' ? 'tag' : 'person')}${escapeHtml(value)}</span>`;
}

/** Code-reference count, or a warning chip when no code mentions the requirement yet. */
export function referencesChip(count: number, locale: Locale, compact = false): string {
  const text = escapeHtml(renderMessage(locale, count === 0 ? 'badge.noRefs' : count === 1 ? 'badge.oneRef' : 'badge.refs', { count }));
  const label = compact ? `<span class="sb-visually-hidden">${text}</span>${count || ''}` : text;
  return `<span class="sb-chip sb-refs${count === 0 ? ' sb-refs-none' : ''}" title="${text}">${icon(count === 0 ? 'noRefs' : 'fileCode')}${label}</span>`;
}

const TOOLTIP_MESSAGES = 10;

/** Problem count with the worst severity's icon; `messages` become the tooltip. */
export function problemsChip(messages: readonly { severity: 'error' | 'warning' | 'info'; message: string }[], locale: Locale, compact = false): string {
  if (messages.length === 0) return '';
  const worst = messages.some((m) => m.severity === 'error') ? 'error' : messages.some((m) => m.severity === 'warning') ? 'warning' : 'info';
  const text = renderMessage(locale, messages.length === 1 ? 'badge.oneProblem' : 'badge.problems', { count: messages.length });
  // The tooltip names the first few; the count says how many there are.
  const title = escapeHtml(messages.slice(0, TOOLTIP_MESSAGES).map((m) => m.message).join('\n') + (messages.length > TOOLTIP_MESSAGES ? '\n…' : ''));
  const label = compact ? `<span class="sb-visually-hidden">${escapeHtml(text)}</span>${messages.length}` : escapeHtml(text);
  return `<span class="sb-chip sb-problems sb-sev-${worst}" title="${title}">${icon(worst)}${label}</span>`;
}
