// Min and max for CPU adapters (see scores_simple.wgsl), without barriers.
// Entry `partials`: invocation t of T reduces values t, t + T, … into partial[t];
// entry `finish`: one invocation reduces the count.y partials into partial[count.y].
@group(0) @binding(0) var<storage, read> values: array<f32>;
@group(0) @binding(1) var<storage, read_write> partial: array<vec2<f32>>;
@group(0) @binding(2) var<uniform> count: vec4<u32>;

@compute @workgroup_size(64)
fn partials(@builtin(global_invocation_id) gid: vec3u) {
  let threads = count.y;
  if (gid.x >= threads) {
    return;
  }
  var a = 3.0e38;
  var b = -3.0e38;
  for (var i = gid.x; i < count.x; i += threads) {
    a = min(a, values[i]);
    b = max(b, values[i]);
  }
  partial[gid.x] = vec2<f32>(a, b);
}

@compute @workgroup_size(1)
fn finish() {
  var a = 3.0e38;
  var b = -3.0e38;
  for (var i = 0u; i < count.y; i++) {
    a = min(a, partial[i].x);
    b = max(b, partial[i].y);
  }
  partial[count.y] = vec2<f32>(a, b);
}
