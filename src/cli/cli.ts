console.error('specboard: CLI under construction');
process.exit(2);
