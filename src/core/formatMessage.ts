/**
 * Fills `{name}` placeholders of a catalog string from `args`: the one formatter behind the core's
 * messages, the CLI's, the render labels and the webviews' strings (whose `{0}` placeholders are
 * named by index). A placeholder without an argument stays visible, so a gap is noticed, not
 * hidden. Only own properties count, so `{constructor}` is never filled from Object.prototype.
 * No imports: the webview bundle includes this file.
 */
export function formatMessage(template: string, args: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(args, name) ? String(args[name]) : whole));
}
