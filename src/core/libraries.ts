import type Ajv from 'ajv';
import type MarkdownIt from 'markdown-it';
import type * as PinyinPro from 'pinyin-pro';
import type * as Yaml from 'yaml';

/*
 * The large libraries, loaded when first used rather than when the bundle loads. The extension
 * activates without any of them (indexing and rendering come later, in the background or on
 * demand), and loading ajv, yaml and markdown-it with the bundle was about 30 ms of activation.
 * esbuild bundles each `require` below as a module that runs on its first call; the Node bundles
 * keep them in files of their own (scripts/librariesApart.mjs), so loading the bundle does not
 * parse them either.
 */
/* eslint-disable @typescript-eslint/no-require-imports */

let yaml: typeof Yaml | undefined;
let ajv: typeof Ajv | undefined;
let markdownIt: typeof MarkdownIt | undefined;
let cjkBreaks: ((md: MarkdownIt) => void) | undefined;
let pinyinPro: typeof PinyinPro | undefined;

/** The `yaml` package (only front matter the fast path cannot read needs it). */
export function yamlLibrary(): typeof Yaml {
  return (yaml ??= require('yaml') as typeof Yaml);
}

/** The Ajv class (JSON-schema validation of documents). */
export function ajvClass(): typeof Ajv {
  return (ajv ??= (require('ajv') as { default: typeof Ajv }).default);
}

/** markdown-it-cjk-breaks: a soft line break between two Chinese (or other wide) characters joins them without a space. */
export function cjkBreaksPlugin(): (md: MarkdownIt) => void {
  // Its CommonJS build exports the function itself; an ES-module interop may wrap it in `default`.
  const plugin = require('markdown-it-cjk-breaks') as ((md: MarkdownIt) => void) | { default: (md: MarkdownIt) => void };
  return (cjkBreaks ??= typeof plugin === 'function' ? plugin : plugin.default);
}

/** pinyin-pro (a third of a megabyte of dictionary): loaded when a Chinese title or search first needs it. */
export function pinyinLibrary(): typeof PinyinPro {
  return (pinyinPro ??= require('pinyin-pro') as typeof PinyinPro);
}

/** The markdown-it constructor (document rendering). */
export function markdownItClass(): typeof MarkdownIt {
  return (markdownIt ??= require('markdown-it') as typeof MarkdownIt);
}
