#!/usr/bin/env bash
# Runs a command with WebGPU (Dawn in Node) on a Vulkan device: the real GPU
# when one is present, otherwise the SwiftShader software driver that Debian's
# chromium package ships (CI machines have no GPU).
set -euo pipefail
icd=/usr/lib/chromium/vk_swiftshader_icd.json
if [ -z "${VK_ICD_FILENAMES:-}" ] && [ -f "$icd" ] && [ -z "${LA_REAL_GPU:-}" ]; then
  export VK_ICD_FILENAMES=$icd
fi
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp}
exec "$@"
