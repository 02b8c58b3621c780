// Ceiling kernel: dst = src as vec4, grid-strided. Each thread moves four vec4s per
// step, `stride` apart, so four independent loads are in flight before the stores.
// Bytes moved = 2·size (read once, written once).
@group(0) @binding(0) var<storage, read> src: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read_write> dst: array<vec4<f32>>;
@group(0) @binding(2) var<uniform> count: vec4<u32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let total = count.x;
  let stride = nwg.x * 256u;
  var i = gid.x;
  while (i + 3u * stride < total) {
    let a = src[i];
    let b = src[i + stride];
    let c = src[i + 2u * stride];
    let d = src[i + 3u * stride];
    dst[i] = a;
    dst[i + stride] = b;
    dst[i + 2u * stride] = c;
    dst[i + 3u * stride] = d;
    i += 4u * stride;
  }
  while (i < total) {
    dst[i] = src[i];
    i += stride;
  }
}
