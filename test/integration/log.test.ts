import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, logText, waitFor } from './helpers';

describe('the Specboard log', () => {
  it("runs 'Specboard: Show Log', a contributed command", async () => {
    await api();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('specboard.showLog'));
    await vscode.commands.executeCommand('specboard.showLog');
  });

  it('holds the first index with its counts and time', async () => {
    await api();
    const log = await waitFor('an indexing line in the log', async () => /\[info\] Indexed: \d+ of \d+ files in 1 folder\(s\), \d+ documents, \d+ requirements, .* \d+ ms/.exec(await logText()));
    assert.ok(log[0]);
  });
});
