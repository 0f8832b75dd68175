import type * as vscode from 'vscode';
import { errorSummary, errorWithStack, type Logger } from '../../core';

/**
 * The core's Logger over the `Specboard` log output channel. A cause is written into the line
 * itself: the channel prints an Error passed as an extra argument by its message alone, and the
 * stack is what a bug report needs. Warnings keep one line (their causes are expected I/O errors).
 */
export function channelLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    trace: (message) => channel.trace(message),
    debug: (message) => channel.debug(message),
    info: (message) => channel.info(message),
    warn: (message, error) => channel.warn(error === undefined ? message : `${message} (${errorSummary(error)})`),
    error: (message, error) => channel.error(error === undefined ? message : `${message}\n${errorWithStack(error)}`),
  };
}
