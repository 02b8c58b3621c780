// Min and max of a GPU-resident matrix (for a heatmap's colour scale without a
// full read-back). Entry `partials`: each workgroup reduces a strided share into
// partial[wg]; entry `finish`: one workgroup reduces those partials into result.
@group(0) @binding(0) var<storage, read> values: array<f32>;
@group(0) @binding(1) var<storage, read_write> partial: array<vec2<f32>>;
@group(0) @binding(2) var<uniform> count: vec4<u32>;

const WG: u32 = 256u;
var<workgroup> lo: array<f32, WG>;
var<workgroup> hi: array<f32, WG>;

fn reduce_shared(t: u32) {
  for (var stride = WG / 2u; stride > 0u; stride /= 2u) {
    workgroupBarrier();
    if (t < stride) {
      lo[t] = min(lo[t], lo[t + stride]);
      hi[t] = max(hi[t], hi[t + stride]);
    }
  }
  workgroupBarrier();
}

@compute @workgroup_size(256)
fn partials(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let total = count.x;
  var a = 3.0e38;
  var b = -3.0e38;
  for (var i = wid.x * WG + lid.x; i < total; i += nwg.x * WG) {
    a = min(a, values[i]);
    b = max(b, values[i]);
  }
  lo[lid.x] = a;
  hi[lid.x] = b;
  reduce_shared(lid.x);
  if (lid.x == 0u) {
    partial[wid.x] = vec2<f32>(lo[0], hi[0]);
  }
}

// Reads partial[0 .. count.y) and writes the result to partial[count.y].
@compute @workgroup_size(256)
fn finish(@builtin(local_invocation_id) lid: vec3u) {
  var a = 3.0e38;
  var b = -3.0e38;
  for (var i = lid.x; i < count.y; i += WG) {
    a = min(a, partial[i].x);
    b = max(b, partial[i].y);
  }
  lo[lid.x] = a;
  hi[lid.x] = b;
  reduce_shared(lid.x);
  if (lid.x == 0u) {
    partial[count.y] = vec2<f32>(lo[0], hi[0]);
  }
}
