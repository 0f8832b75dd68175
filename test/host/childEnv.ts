/**
 * The environment for tools we spawn. `npm run` exports dozens of npm_* variables (the user's
 * nodedir pointing at Node 20's headers, the outer package's prefix); left in place they leak
 * into the nested npm installs and into code-server, so they are dropped and set explicitly.
 */
export function childEnv(extra: Record<string, string> = {}, prependPath: string[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'INIT_CWD') env[key] = value;
  }
  if (prependPath.length) env.PATH = [...prependPath, env.PATH ?? ''].join(':');
  return { ...env, ...extra };
}
