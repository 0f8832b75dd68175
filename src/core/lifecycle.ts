import { groupByProduct, productFolder, productIdSuffix, uniqueName } from './products';
import type { DocTypeInfo } from './schemaSet';
import type { DocSummary, SpecQueries } from './specboard';
import { isLifecycleStage, LIFECYCLE_STAGES, type LifecycleStage } from './stages';

export interface LifecycleDocument extends DocSummary {
  /** The stage the document is listed under: its `stage` field, else its type's stage. */
  readonly lifecycleStage: LifecycleStage;
  readonly typeName?: DocTypeInfo['name'];
  readonly abbreviation?: string;
  readonly errors: number;
  readonly warnings: number;
}

/** One document type a stage expects, and whether the product has it. */
export interface Deliverable {
  readonly type: string;
  readonly name: DocTypeInfo['name'];
  readonly abbreviation?: string;
  /** Documents of this type in the product (in any stage: a BRD advanced past concept still counts). */
  readonly documents: readonly string[];
  readonly present: boolean;
  readonly approved: boolean;
}

/** A deliverable nobody has written yet, with what it takes to create it from its template. */
export interface MissingDeliverable {
  readonly product?: string;
  readonly productKey: string;
  readonly stage: LifecycleStage;
  readonly type: string;
  readonly name: DocTypeInfo['name'];
  readonly abbreviation?: string;
  readonly root: string;
  /** A free path next to the product's other documents. */
  readonly suggestedPath: string;
  /** A document ID no other document uses. */
  readonly suggestedId: string;
}

export interface StageLifecycle {
  readonly stage: LifecycleStage;
  readonly documents: readonly LifecycleDocument[];
  readonly deliverables: readonly Deliverable[];
  readonly missing: readonly MissingDeliverable[];
  /** Deliverables that exist / that the stage expects / whose document is approved. */
  readonly present: number;
  readonly expected: number;
  readonly approved: number;
  /** Every deliverable exists and is approved (vacuously true when the stage expects none). */
  readonly complete: boolean;
}

export interface ProductLifecycle {
  readonly key: string;
  /** Undefined for documents that name no product in a workspace with several products. */
  readonly product?: string;
  readonly root: string;
  /** The furthest stage any of its documents is in. */
  readonly currentStage: LifecycleStage;
  readonly documentCount: number;
  readonly stages: readonly StageLifecycle[];
}

export interface LifecycleModel {
  readonly products: readonly ProductLifecycle[];
}

/**
 * Where every product stands: its documents by stage and the deliverables each stage still lacks.
 * The expected deliverables come from `.specboard/config.json` (`deliverables`) when set, else
 * from the stage every schema declares in `x-specboard.stage`, so teams change them without code.
 */
export function buildLifecycle(board: SpecQueries): LifecycleModel {
  const docs = board.documents();
  const roots = (path: string) => board.projectFor(path)?.root ?? path.slice(0, path.lastIndexOf('/'));
  const usedIds = new Set(docs.map((d) => d.id).filter((id): id is string => !!id));
  const usedPaths = new Set([...board.index.entries()].map((e) => e.path));
  const products = groupByProduct(docs, roots).map((group): ProductLifecycle => {
    const project = board.projectFor(group.documents[0].path);
    const typeInfo = (type: string) => project?.schemas.get(type);
    const lifecycleDocs = group.documents.map((d): LifecycleDocument => {
      const info = typeInfo(d.type);
      const counts = { errors: 0, warnings: 0 };
      for (const diag of board.diagnostics(d.path)) {
        if (diag.severity === 'error') counts.errors++;
        else if (diag.severity === 'warning') counts.warnings++;
      }
      return {
        ...d, ...counts,
        lifecycleStage: isLifecycleStage(d.stage) ? d.stage : info?.stage ?? 'concept',
        typeName: info?.name, abbreviation: info?.abbreviation,
      };
    });
    const folder = productFolder(group.root, group.product, group.documents);
    const suffix = productIdSuffix(group.product, group.documents);
    const stages = LIFECYCLE_STAGES.map((stage): StageLifecycle => {
      const expectedTypes = project ? deliverableTypes(stage, project.config.deliverables, project.schemas.types()) : [];
      const deliverables = expectedTypes.map((type): Deliverable => {
        const info = typeInfo(type);
        const ofType = lifecycleDocs.filter((d) => d.type === type);
        return {
          type, name: info?.name ?? { en: type, 'zh-cn': type }, abbreviation: info?.abbreviation,
          documents: ofType.map((d) => d.path), present: ofType.length > 0, approved: ofType.some((d) => d.status === 'approved'),
        };
      });
      const missing = deliverables.filter((d) => !d.present).map((d): MissingDeliverable => {
        const abbreviation = d.abbreviation ?? d.type.toUpperCase().replace(/[^A-Z0-9]+/g, '-');
        const suggestedId = uniqueName(suffix ? `${abbreviation}-${suffix}` : abbreviation, (id) => usedIds.has(id));
        const suggestedPath = uniqueName(`${folder}/${d.type}`, (p) => usedPaths.has(`${p}.md`)) + '.md';
        return {
          product: group.product, productKey: group.key, stage, type: d.type, name: d.name, abbreviation: d.abbreviation,
          root: group.root, suggestedPath, suggestedId,
        };
      });
      const present = deliverables.filter((d) => d.present).length;
      const approved = deliverables.filter((d) => d.approved).length;
      return {
        stage, documents: lifecycleDocs.filter((d) => d.lifecycleStage === stage), deliverables, missing,
        present, expected: deliverables.length, approved, complete: approved === deliverables.length,
      };
    });
    const furthest = Math.max(0, ...lifecycleDocs.map((d) => LIFECYCLE_STAGES.indexOf(d.lifecycleStage)));
    return {
      key: group.key, product: group.product, root: group.root, currentStage: LIFECYCLE_STAGES[furthest],
      documentCount: lifecycleDocs.length, stages,
    };
  });
  return { products };
}

/** The document types a stage expects: the config's list when it has one, else the schemas'. */
export function deliverableTypes(
  stage: LifecycleStage, configured: Readonly<Record<string, readonly string[]>> | undefined, types: readonly DocTypeInfo[],
): string[] {
  if (configured) return [...(configured[stage] ?? [])];
  return types.filter((t) => t.stage === stage && t.deliverable).map((t) => t.type);
}

/** The product and stage a document sits in, for commands that start from a file. */
export function locateDocument(model: LifecycleModel, path: string): { product: ProductLifecycle; stage: StageLifecycle; document: LifecycleDocument } | undefined {
  for (const product of model.products) {
    for (const stage of product.stages) {
      const document = stage.documents.find((d) => d.path === path);
      if (document) return { product, stage, document };
    }
  }
  return undefined;
}
