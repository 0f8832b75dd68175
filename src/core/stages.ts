/**
 * The lifecycle stages, in the order a product goes through them: the one list every other place
 * (the type, the vocabulary, the board's columns, the trees) derives from. The JSON schemas must
 * repeat it as an enum literal; test/unit/stages.test.ts keeps them equal.
 */
export const LIFECYCLE_STAGES = ['concept', 'productization', 'development', 'commercialization', 'market', 'retired'] as const;

export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export function isLifecycleStage(value: unknown): value is LifecycleStage {
  return typeof value === 'string' && (LIFECYCLE_STAGES as readonly string[]).includes(value);
}

/** The stage after `stage`, or undefined for the last one. */
export function nextStage(stage: LifecycleStage): LifecycleStage | undefined {
  return LIFECYCLE_STAGES[LIFECYCLE_STAGES.indexOf(stage) + 1];
}
