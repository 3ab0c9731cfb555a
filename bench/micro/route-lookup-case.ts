// Micro-benchmark: Portico's compiled router (dist/snapshot/route-tree.js, class RouteTree with
// add/lookup) looking up one path among 10,000 resources versus among 10, plus a {param} path.

import { join } from 'node:path';
import { porticoDist } from '../harness/paths.js';
import type { TimedMeasurement } from '../scenarios/scenario.js';
import { loadModule } from './load-module.js';
import { measureOpsPerSecond } from './ops-timer.js';

interface RouteTreeLike {
  add(path: string, method: string, value: unknown): void;
  lookup(method: string, path: string): unknown;
}

function buildTree(RouteTree: new () => RouteTreeLike, parents: number, children: number): RouteTreeLike {
  const tree = new RouteTree();
  for (let i = 0; i < parents; i++) {
    for (let j = 0; j < children; j++) tree.add(`/r${i}/c${j}`, 'GET', `r${i}c${j}`);
    tree.add(`/r${i}/{id}/detail`, 'GET', `r${i}detail`);
  }
  return tree;
}

export async function runRouteLookupCase(): Promise<TimedMeasurement[]> {
  const module = await loadModule(join(porticoDist, 'snapshot', 'route-tree.js'));
  const RouteTree = module?.RouteTree;
  const label = 'route lookup, 10,000 resources';
  if (typeof RouteTree !== 'function') {
    return [{ label, value: undefined, unit: 'ops/s', lowerIsBetter: false, skipped: 'router not built yet (dist/snapshot/route-tree.js with RouteTree)' }];
  }
  const Tree = RouteTree as new () => RouteTreeLike;
  const large = buildTree(Tree, 100, 99);
  const small = buildTree(Tree, 1, 9);
  if (large.lookup('GET', '/r50/c50') === undefined) {
    return [{ label, value: undefined, unit: 'ops/s', lowerIsBetter: false, skipped: 'RouteTree.lookup API changed: update bench/micro/route-lookup-case.ts' }];
  }
  const largeOps = measureOpsPerSecond(() => large.lookup('GET', '/r50/c50'));
  const smallOps = measureOpsPerSecond(() => small.lookup('GET', '/r0/c5'));
  const paramOps = measureOpsPerSecond(() => large.lookup('GET', '/r50/abc123/detail'));
  return [
    { label, value: largeOps, unit: 'ops/s', lowerIsBetter: false, references: [{ label: '10 resources', value: smallOps }] },
    { label: 'route lookup with a {param}, 10,000 resources', value: paramOps, unit: 'ops/s', lowerIsBetter: false, references: [{ label: 'static path', value: largeOps }] },
  ];
}
