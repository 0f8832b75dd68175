import type { SpecConfig } from './config';

/** Requirement statuses of the built-in schemas, in workflow order. */
export const DEFAULT_STATUSES: readonly string[] = ['proposed', 'approved', 'in-progress', 'done', 'verified', 'rejected', 'deferred'];
/** Statuses that end a requirement's life without shipping it; boards show them collapsed. */
export const CLOSED_STATUSES: readonly string[] = ['rejected', 'deferred'];
export const DEFAULT_PRIORITIES: readonly string[] = ['P0', 'P1', 'P2', 'P3'];

/** The statuses a workspace uses: its config's list, else the built-in one. */
export function statusesOf(config: Pick<SpecConfig, 'statuses'> | undefined): readonly string[] {
  return config?.statuses?.length ? config.statuses : DEFAULT_STATUSES;
}

export function prioritiesOf(config: Pick<SpecConfig, 'priorities'> | undefined): readonly string[] {
  return config?.priorities?.length ? config.priorities : DEFAULT_PRIORITIES;
}

export type TransitionCheck =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly from: string | undefined; readonly to: string; readonly allowedFrom: readonly string[] };

/**
 * Whether a requirement may move from one status to another under the config's `transitions`
 * (target status → statuses it may be entered from). Statuses without a rule may be entered from
 * anywhere; a requirement without a status may only enter a ruled status if the rule lists ''.
 */
export function checkTransition(config: Pick<SpecConfig, 'transitions'> | undefined, from: string | undefined, to: string): TransitionCheck {
  if (from === to) return { allowed: true };
  const rule = config?.transitions?.[to];
  if (!rule || rule.includes(from ?? '')) return { allowed: true };
  return { allowed: false, from, to, allowedFrom: rule };
}
