import { createHash } from 'node:crypto';
import type { Locale } from '../core';
import { escapeHtml } from '../core/render';
import previewCss from '../../media/preview.css';
import renderCss from '../../media/render.css';

/**
 * VS Code's Light Modern and Dark Modern colours for the theme variables the stylesheets use, so
 * an exported page looks like the preview without VS Code around it, following the reader's
 * system light or dark preference.
 */
const THEME = `
:root {
  color-scheme: light dark;
  --vscode-font-family: -apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", system-ui, "Ubuntu", "Droid Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  --vscode-editor-font-family: "SF Mono", Monaco, Menlo, Consolas, "Ubuntu Mono", "Liberation Mono", "DejaVu Sans Mono", "Courier New", monospace;
  --vscode-editor-background: #ffffff; --vscode-editor-foreground: #3b3b3b; --vscode-foreground: #3b3b3b;
  --vscode-descriptionForeground: #717171; --vscode-disabledForeground: #8a8a8a;
  --vscode-textLink-foreground: #005fb8; --vscode-textLink-activeForeground: #005fb8; --vscode-focusBorder: #005fb8;
  --vscode-widget-border: #e5e5e5; --vscode-editorWidget-background: #f8f8f8;
  --vscode-badge-background: #cccccc; --vscode-badge-foreground: #3b3b3b;
  --vscode-charts-red: #e51400; --vscode-charts-blue: #1a85ff; --vscode-gitDecoration-modifiedResourceForeground: #895503; --vscode-charts-green: #388a34;
  --vscode-testing-iconPassed: #388a34;
  --vscode-editorError-foreground: #e51400; --vscode-editorWarning-foreground: #bf8803; --vscode-editorInfo-foreground: #1a85ff;
  --vscode-textCodeBlock-background: #f8f8f8; --vscode-textPreformat-foreground: #3b3b3b; --vscode-textPreformat-background: #0000001f;
  --vscode-textBlockQuote-background: #f8f8f8; --vscode-textBlockQuote-border: #e5e5e5;
  --vscode-list-hoverBackground: #f2f2f2; --vscode-list-inactiveSelectionBackground: #e4e6f1;
}
@media (prefers-color-scheme: dark) {
  :root {
    --vscode-editor-background: #1f1f1f; --vscode-editor-foreground: #cccccc; --vscode-foreground: #cccccc;
    --vscode-descriptionForeground: #9d9d9d; --vscode-disabledForeground: #858585;
    --vscode-textLink-foreground: #4daafc; --vscode-textLink-activeForeground: #4daafc; --vscode-focusBorder: #0078d4;
    --vscode-widget-border: #313131; --vscode-editorWidget-background: #202020;
    --vscode-badge-background: #616161; --vscode-badge-foreground: #f8f8f8;
    --vscode-charts-red: #f14c4c; --vscode-charts-blue: #3794ff; --vscode-gitDecoration-modifiedResourceForeground: #e2c08d; --vscode-charts-green: #89d185;
    --vscode-testing-iconPassed: #73c991;
    --vscode-editorError-foreground: #f14c4c; --vscode-editorWarning-foreground: #cca700; --vscode-editorInfo-foreground: #3794ff;
    --vscode-textCodeBlock-background: #2b2b2b; --vscode-textPreformat-foreground: #d0d0d0; --vscode-textPreformat-background: #3c3c3c;
    --vscode-textBlockQuote-background: #2b2b2b; --vscode-textBlockQuote-border: #616161;
    --vscode-list-hoverBackground: #2a2d2e; --vscode-list-inactiveSelectionBackground: #37373d;
  }
}`;

const EXPORT_CSS = `
.sb-export-nav { max-width: 1180px; padding: 14px 26px 0; font-size: 12px; }
.sb-export-nav a { color: var(--vscode-textLink-foreground); text-decoration: none; }
.sb-export-footer { max-width: 1180px; padding: 0 26px 24px; font-size: 12px; color: var(--vscode-descriptionForeground); }
.sb-index { max-width: 1180px; padding: 24px 26px; }
.sb-index h1 { font-size: 1.8em; margin: 0 0 4px; }
.sb-index table { border-collapse: collapse; width: 100%; margin-top: 20px; }
.sb-index th { text-align: left; font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--vscode-descriptionForeground); border-bottom: 1px solid var(--vscode-widget-border); padding: 6px 10px; }
.sb-index td { padding: 7px 10px; border-bottom: 1px solid var(--vscode-widget-border); }
.sb-index a { color: var(--vscode-textLink-foreground); text-decoration: none; font-weight: 500; }
.sb-index .sb-muted { color: var(--vscode-descriptionForeground); font-size: 12px; }
`;

const STYLE = [THEME, renderCss, previewCss, EXPORT_CSS].join('\n');
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/**
 * A complete, self-contained page. Its CSP allows only the inline stylesheet (by hash) and data:
 * images: no script runs, and nothing is fetched from anywhere, whatever the document contained.
 */
export function exportPage(options: { title: string; locale: Locale; body: string }): string {
  const csp = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="${options.locale === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Specboard">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${options.body}
</body>
</html>
`;
}
