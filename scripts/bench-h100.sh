#!/usr/bin/env bash
# Reproduces the real-GPU benchmarks of issues 2, 4 and 5 (and the selfchecks against
# the CPU reference) on the NVIDIA machine lent through the device tool.
# Issue 5 (the current table): `pack` here, then on the GPU machine (device tool `run`,
# carry [".gpu"]): bash scripts/bench-h100.sh issue5 "$OUT"   (see the issue5 case below).
#
# Here (any machine with the repository, npm install done, ../shared beside it):
#   bash scripts/bench-h100.sh pack
# Then on the GPU machine (device tool `run`, carry [".gpu"]):
#   bash scripts/bench-h100.sh remote "$OUT"
# which writes $OUT/h100.json (the bench JSON) and prints the selfcheck and a table.
# The committed results are that file, copied to bench-results/h100-<date>.json.
# bench-results/h100-extra-{crossover,scale,gated}-<date>.json came from the bundled CLI directly:
#   B="bash .gpu/remote.sh .gpu/cli.mjs --json --warmup 2 --runs 7 --budget-ms 100000 --warmup-ms 300 --cooldown-ms 500 --d 64"
#   $B --cases softmax:flash,linear:chunk --ns 256,512,1024,2048,4096,131072 --heads 1,16 --out $OUT/crossover.json
#   $B --cases linear:chunk --ns 1048576 --heads 1 --out $OUT/scale.json
#   $B --cases mamba2:chunk,retnet:chunk,gla:chunk,gated-deltanet:chunk,linear:recurrent,softmax:recurrent \
#      --ns 65536 --heads 1,16 --out $OUT/gated.json
#
# Issue 4 (gated chunk forms against their recurrent forms), same pack, then on the GPU machine:
#   bash scripts/bench-h100.sh issue4 "$OUT"
# which writes $OUT/h100-issue4.json: {"runs": [H = 1 run, H = 16 run]}, each run the bench JSON
# with its own matmul and copy ceilings measured in the same process, and prints a table.
# Committed as bench-results/h100-issue4-<date>.json. Each head count is its own bench process
# under its own time limit so that a slow H = 16 recurrent point cannot lose the H = 1 results;
# --budget-ms stops a case growing n once its median passes the budget (listed in "skipped").
set -euo pipefail
root=$(git rev-parse --show-toplevel 2>/dev/null || pwd)
cd "$root"
case "${1:-}" in
  pack)
    rm -rf .gpu-build
    npx vite build --config scripts/bench-bundle.config.ts
    BUNDLE_ENTRY=src/engine/gpu/selfcheck.ts BUNDLE_NAME=selfcheck npx vite build --config scripts/bench-bundle.config.ts
    BUNDLE_ENTRY=src/engine/variants/common/gated/longcheck.ts BUNDLE_NAME=longcheck npx vite build --config scripts/bench-bundle.config.ts
    BUNDLE_ENTRY=src/engine/variants/hla2/gpucheck.ts BUNDLE_NAME=hla2check npx vite build --config scripts/bench-bundle.config.ts
    bash ../shared/gpu/pack.sh .gpu-build/cli.mjs .gpu-build/selfcheck.mjs .gpu-build/longcheck.mjs .gpu-build/hla2check.mjs
    ;;
  remote)
    out=${2:-/tmp}
    nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,temperature.gpu --format=csv || true
    bash .gpu/remote.sh .gpu/selfcheck.mjs
    shift 2 || true
    # Issue 2's table: softmax flash and linear chunk, n = 4096, 16384, 65536, d = 64, H = 1 and 16.
    bash .gpu/remote.sh .gpu/cli.mjs --json --ns 4096,16384,65536 --heads 1,16 --d 64 \
      --cases softmax:flash,linear:chunk --warmup 2 --runs 7 --budget-ms 100000 --warmup-ms 500 --cooldown-ms 2000 \
      --matmul-n 4096 --copy-mib 1024 --out "$out/h100.json" "$@" 2> >(grep -v "^\[gpu" >&2) > /dev/null
    node_bin=/tmp/node
    "$node_bin" -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      console.log(`device: ${r.device.name}; timing: ${r.device.timing}`);
      console.log(`ceilings: matmul ${r.ceilings.matmulGflops.toFixed(0)} GFLOP/s (${r.ceilings.matmulN}^3), copy ${r.ceilings.copyGBps.toFixed(0)} GB/s`);
      for (const p of r.results) console.log(`${p.variant} ${p.form} n=${p.n} H=${p.heads} ${p.ms.toFixed(3)} ms [${p.msMin.toFixed(3)}, ${p.msMax.toFixed(3)}] ${p.gflops.toFixed(0)} GFLOP/s = ${(100 * p.fractionOfMatmul).toFixed(1)}% of matmul`);
      for (const s of r.skipped) console.log(`skipped ${s.variant} ${s.form} n=${s.n} H: ${s.reason}`);
    ' "$out/h100.json"
    ;;
  issue4)
    out=${2:-/tmp}
    shift 2 || true
    nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,temperature.gpu --format=csv || true
    cases=retnet:chunk,retnet:recurrent,gla:chunk,gla:recurrent,gated-deltanet:chunk,gated-deltanet:recurrent
    common=(--json --cases "$cases" --ns 16384,65536 --d 64 --chunk-size 64 --warmup 2 --runs 7
      --warmup-ms 500 --cooldown-ms 1000 --matmul-n 4096 --copy-mib 1024)
    date -u +"start %FT%TZ"
    timeout "${H1_LIMIT_S:-200}" bash .gpu/remote.sh .gpu/cli.mjs "${common[@]}" --heads 1 --budget-ms 100000 \
      --out "$out/h1.json" "$@" 2> >(grep -v "^\[gpu" >&2) > /dev/null || echo "H=1 run failed or timed out: $?"
    date -u +"H=1 done %FT%TZ"
    timeout "${H16_LIMIT_S:-330}" bash .gpu/remote.sh .gpu/cli.mjs "${common[@]}" --heads 16 --budget-ms 1500 \
      --out "$out/h16.json" "$@" 2> >(grep -v "^\[gpu" >&2) > /dev/null || echo "H=16 run failed or timed out: $?"
    date -u +"H=16 done %FT%TZ"
    /tmp/node -e '
      const fs = require("fs");
      const [outDir] = process.argv.slice(1);
      const runs = ["h1.json", "h16.json"].filter((f) => fs.existsSync(`${outDir}/${f}`))
        .map((f) => JSON.parse(fs.readFileSync(`${outDir}/${f}`, "utf8")));
      fs.writeFileSync(`${outDir}/h100-issue4.json`, JSON.stringify({ runs }, null, 2) + "\n");
      for (const r of runs) {
        console.log(`device: ${r.device.name}; timing: ${r.device.timing}; date ${r.date}`);
        console.log(`ceilings: matmul ${r.ceilings.matmulGflops.toFixed(0)} GFLOP/s (${r.ceilings.matmulN}^3), copy ${r.ceilings.copyGBps.toFixed(0)} GB/s`);
        for (const p of r.results) console.log(`${p.variant} ${p.form} n=${p.n} H=${p.heads} ${p.ms.toFixed(3)} ms [${p.msMin.toFixed(3)}, ${p.msMax.toFixed(3)}] ${p.gflops.toFixed(1)} GFLOP/s = ${(100 * p.fractionOfMatmul).toFixed(2)}% of matmul` + (p.gbps ? `, ${p.gbps.toFixed(1)} GB/s = ${(100 * p.fractionOfCopy).toFixed(2)}% of copy` : ""));
        for (const s of r.skipped) console.log(`skipped ${s.variant} ${s.form} n=${s.n}: ${s.reason}`);
      }
    ' "$out"
    ;;
  issue5)
    # Issue 5's table in one batched run (committed as bench-results/h100-issue5-<date>.json):
    # the selfcheck and the delta rule's long check against the CPU reference, then five bench
    # processes, each measuring its own matmul and copy ceilings in the same process:
    #   chunk      every chunk form at n = 65536, H = 1 and 16
    #   crossover  softmax flash and linear chunk at n = 256 … 16384, H = 1 and 16 (includes the
    #              softmax flash target n = 16384, H = 16)
    #   recurrent  the recurrent forms at n = 65536, H = 1 and 16 (bandwidth against copy)
    #   kvcache    softmax recurrent (the KV-cache read) at n = 16384, H = 1 and 16
    #   scale      linear chunk n = 1,048,576 and softmax flash n = 131,072 in one call each
    #              (--budget-ms 100 skips softmax flash at 1,048,576: its median at 131,072 passes it)
    out=${2:-/tmp}
    shift 2 || true
    nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,temperature.gpu --format=csv || true
    date -u +"start %FT%TZ"
    timeout 120 bash .gpu/remote.sh .gpu/selfcheck.mjs 2>&1 | grep -v "^\[gpu" | tail -4 || echo "selfcheck failed: $?"
    timeout 150 bash .gpu/remote.sh .gpu/longcheck.mjs --variants deltanet,gated-deltanet 2>&1 | grep -v "^\[gpu" || echo "longcheck failed: $?"
    common=(--json --d 64 --chunk-size 64 --warmup 2 --runs 7 --warmup-ms 500 --cooldown-ms 1000 --matmul-n 4096 --copy-mib 1024)
    bench() {
      local name=$1 limit=$2
      shift 2
      date -u +"$name %FT%TZ"
      timeout "$limit" bash .gpu/remote.sh .gpu/cli.mjs "${common[@]}" --out "$out/$name.json" "$@" \
        2> >(grep -v "^\[gpu" >&2) > /dev/null || echo "$name failed or timed out: $?"
    }
    bench chunk 120 --cases linear:chunk,retnet:chunk,mamba2:chunk,gla:chunk,deltanet:chunk,gated-deltanet:chunk \
      --ns 65536 --heads 1,16 --budget-ms 100000 "$@"
    bench crossover 150 --cases softmax:flash,linear:chunk --ns 256,512,1024,2048,4096,8192,16384 --heads 1,16 \
      --budget-ms 100000 "$@"
    bench recurrent 150 --cases linear:recurrent,retnet:recurrent,mamba2:recurrent,gla:recurrent,deltanet:recurrent,gated-deltanet:recurrent \
      --ns 65536 --heads 1,16 --budget-ms 100000 --warmup-ms 0 --cooldown-ms 300 "$@"
    bench kvcache 60 --cases softmax:recurrent --ns 16384 --heads 1,16 --budget-ms 100000 --warmup-ms 0 "$@"
    bench scale 150 --cases softmax:flash,linear:chunk --ns 131072,1048576 --heads 1 --budget-ms 100 "$@"
    date -u +"done %FT%TZ"
    /tmp/node -e '
      const fs = require("fs");
      const [outDir] = process.argv.slice(1);
      const names = ["chunk", "crossover", "recurrent", "kvcache", "scale"];
      const runs = names.filter((f) => fs.existsSync(`${outDir}/${f}.json`))
        .map((f) => ({ name: f, ...JSON.parse(fs.readFileSync(`${outDir}/${f}.json`, "utf8")) }));
      fs.writeFileSync(`${outDir}/h100-issue5.json`, JSON.stringify({ runs }, null, 2) + "\n");
      for (const r of runs) {
        console.log(`== ${r.name}: ${r.device.name}; timing: ${r.device.timing}; ${r.date}`);
        console.log(`ceilings: matmul ${r.ceilings.matmulGflops.toFixed(0)} GFLOP/s (${r.ceilings.matmulN}^3), copy ${r.ceilings.copyGBps.toFixed(0)} GB/s`);
        for (const p of r.results) console.log(`${p.variant} ${p.form} n=${p.n} H=${p.heads} ${p.ms.toFixed(3)} ms [${p.msMin.toFixed(3)}, ${p.msMax.toFixed(3)}] ${p.gflops.toFixed(1)} GFLOP/s = ${(100 * p.fractionOfMatmul).toFixed(2)}% of matmul` + (p.gbps ? `, ${p.gbps.toFixed(1)} GB/s = ${(100 * p.fractionOfCopy).toFixed(2)}% of copy` : ""));
        for (const s of r.skipped) console.log(`skipped ${s.variant} ${s.form} n=${s.n}: ${s.reason}`);
      }
    ' "$out"
    ;;
  issue6)
    # Issue 6's variants (hla2 recurrent and chunk, infini chunk, linformer and nystrom parallel),
    # n = 4096, 16384, 65536, d = 64, H = 1 and 16, ceilings in the same process
    # (committed as bench-results/h100-issue6-<date>.json), after hla2's check of every
    # form against the float64 reference on this GPU.
    out=${2:-/tmp}
    shift 2 || true
    timeout 120 bash .gpu/remote.sh .gpu/hla2check.mjs 2>&1 | grep -v "^\[gpu" || echo "hla2check failed: $?"
    bash .gpu/remote.sh .gpu/cli.mjs --json --ns 4096,16384,65536 --heads 1,16 --d 64 \
      --cases hla2:recurrent,hla2:chunk,infini:chunk,linformer:parallel,nystrom:parallel \
      --warmup 2 --runs 7 --budget-ms 3000 --matmul-n 4096 --copy-mib 1024 \
      --out "$out/h100-issue6.json" "$@" 2> >(grep -v "^\[gpu" >&2) > /dev/null
    ;;
  *)
    echo "usage: bash scripts/bench-h100.sh pack | remote OUT_DIR [extra bench options] | issue4 OUT_DIR [...] | issue5 OUT_DIR [...] | issue6 OUT_DIR [...]" >&2
    exit 2
    ;;
esac
