import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { AGENT_TOOLS } from '../../src/core/agentTools';

interface ManifestTool { name: string; modelDescription: string; inputSchema: unknown; toolReferenceName: string; canBeReferencedInPrompt: boolean; displayName: string; userDescription: string }

/**
 * The chat tools are declared in package.json (VS Code reads them before the extension runs) and
 * run by the core's AGENT_TOOLS, which the MCP server also lists: this keeps the two in step.
 */
describe('package.json languageModelTools', () => {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { contributes: { languageModelTools: ManifestTool[]; languageModelToolSets: { name: string; tools: string[] }[]; mcpServerDefinitionProviders: { id: string }[] } };
  const nls = JSON.parse(fs.readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
  const nlsZh = JSON.parse(fs.readFileSync('package.nls.zh-cn.json', 'utf8')) as Record<string, string>;

  it('declares every agent tool with the core\'s name, English description and input schema', () => {
    const tools = pkg.contributes.languageModelTools;
    assert.deepEqual(tools.map((t) => t.name), AGENT_TOOLS.map((t) => t.name));
    for (const [i, tool] of AGENT_TOOLS.entries()) {
      assert.equal(tools[i].modelDescription, tool.description('en'), tool.name);
      assert.deepEqual(tools[i].inputSchema, JSON.parse(JSON.stringify(tool.inputSchema)), tool.name);
      assert.equal(tools[i].canBeReferencedInPrompt, true);
      for (const key of [tools[i].displayName, tools[i].userDescription]) {
        const nlsKey = key.slice(1, -1);
        assert.ok(nls[nlsKey] && nlsZh[nlsKey], `${nlsKey} is translated`);
      }
    }
  });

  it('groups them as the #specboard tool set (by reference name, as VS Code looks them up) and names the MCP server provider', () => {
    const references = pkg.contributes.languageModelTools.map((t) => t.toolReferenceName);
    assert.deepEqual(pkg.contributes.languageModelToolSets.map((s) => [s.name, s.tools]), [['specboard', references]]);
    assert.deepEqual(pkg.contributes.mcpServerDefinitionProviders.map((p) => p.id), ['specboard.mcp']);
  });
});
