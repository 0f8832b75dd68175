/**
 * The schemas that ship with Specboard, bundled as JSON so the core needs no file access to load
 * them. Order is the lifecycle order, which is also the order documents are listed in.
 */
import common from '../../schemas/common.schema.json';
import marketFeedback from '../../schemas/market-feedback.schema.json';
import requirementsAnalysis from '../../schemas/requirements-analysis.schema.json';
import brd from '../../schemas/brd.schema.json';
import mrd from '../../schemas/mrd.schema.json';
import prd from '../../schemas/prd.schema.json';
import design from '../../schemas/design.schema.json';
import devPlan from '../../schemas/dev-plan.schema.json';
import projectCharter from '../../schemas/project-charter.schema.json';
import whitepaper from '../../schemas/whitepaper.schema.json';
import manual from '../../schemas/manual.schema.json';
import salesKit from '../../schemas/sales-kit.schema.json';
import launch from '../../schemas/launch.schema.json';
import salesFeedback from '../../schemas/sales-feedback.schema.json';
import releaseNotes from '../../schemas/release-notes.schema.json';
import spec from '../../schemas/spec.schema.json';

export const COMMON_SCHEMA: object = common;

export const DOC_TYPE_SCHEMAS: readonly object[] = [
  marketFeedback, requirementsAnalysis, brd, mrd, prd, design, devPlan, projectCharter,
  whitepaper, manual, salesKit, launch, salesFeedback, releaseNotes, spec,
];
