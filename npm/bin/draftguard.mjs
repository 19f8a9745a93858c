#!/usr/bin/env node
// `npx draftguard scan [paths…]` — see `draftguard --help` and the package README.
import { main } from '../cli/main.mjs';

process.exitCode = await main(process.argv.slice(2));
