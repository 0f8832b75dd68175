import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, logText, waitFor } from './helpers';

describe('the saved index', () => {
  it('is saved in the workspace storage after the first index, and Clear Saved Index deletes it and indexes from the disk', async function () {
    this.timeout(60_000);
    const specboard = await api();
    await waitFor('the save in the log', async () => /\[info\] Saved the index for the next window: \d+ KB in \d+ ms/.exec(await logText()), 30_000);
    const before = specboard.stats();
    await vscode.commands.executeCommand('specboard.clearSavedIndex');
    await waitFor('the deletion in the log', async () => /\[info\] Deleted the saved index; indexing the workspace from the disk/.exec(await logText()));
    await specboard.whenReady();
    assert.deepEqual(specboard.stats(), before, 'indexed again from the disk, with the same counts');
  });
});
