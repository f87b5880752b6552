// GeoAssure web viewer: interval tubes from /api/v1/gltf, placed at the origin in extras.geoassure.
// glTF is y-up: x = east, y = up, z = -north, float metres from the origin (doubles stay on the server).
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';

const TEXT = {
  en: {
    table: 'Table', colorBy: 'Colour by', legend: 'Legend', interval: 'Interval',
    clickHint: 'Click a tube to see its interval.', none: '(one colour)', loading: 'Loading…',
    noTables: 'This workspace has no interval tables yet.', failed: 'Could not load: ',
    north: 'N', east: 'E', up: 'Up', hole_id: 'Hole', depth_from: 'From (m)', depth_to: 'To (m)',
    origin: 'Origin', other: 'Switch language', asOf: 'As of',
    face: 'Working face', roadway: 'Roadway', goaf: 'Goaf', old_workings: 'Old workings', fault: 'Fault',
    collapse_column: 'Collapse column', topography: 'Topography', horizon: 'Horizon', tailings_dam: 'Tailings dam',
    dam_crest: 'Dam crest', liveAlerts: 'Live alerts', hazards: 'Hazards', inrushZone: 'Water-inrush zone (T above critical)',
    warning_line: 'Warning line reached', exploration_line: 'Exploration line reached',
  },
  'zh-CN': {
    table: '数据表', colorBy: '着色字段', legend: '图例', interval: '区间',
    clickHint: '点击钻孔管查看区间信息。', none: '（单一颜色）', loading: '正在加载…',
    noTables: '该工作区尚无区间数据表。', failed: '加载失败：',
    north: '北', east: '东', up: '上', hole_id: '钻孔', depth_from: '起始深度 (m)', depth_to: '终止深度 (m)',
    origin: '原点', other: '切换语言', asOf: '截至日期',
    face: '工作面', roadway: '巷道', goaf: '采空区', old_workings: '老空区', fault: '断层',
    collapse_column: '陷落柱', topography: '地表', horizon: '层面', tailings_dam: '尾矿库', dam_crest: '坝顶',
    liveAlerts: '实时预警', hazards: '灾害', inrushZone: '突水危险区（突水系数超临界值）',
    warning_line: '已进入警戒线', exploration_line: '已进入探水线',
  },
};
let lang = (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
const t = (key) => TEXT[lang][key] ?? key;

const $ = (id) => document.getElementById(id);
const view = $('view');
const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
renderer.setPixelRatio(window.devicePixelRatio);
renderer.setSize(view.clientWidth, view.clientHeight);
view.appendChild(renderer.domElement);
const BACKGROUND = new THREE.Color(0xf2f2ee);
const scene = new THREE.Scene();
scene.background = BACKGROUND;
scene.add(new THREE.HemisphereLight(0xffffff, 0x666655, 2.0));
const sun = new THREE.DirectionalLight(0xffffff, 1.5);
sun.position.set(1, 2, 0.5);
scene.add(sun);
const camera = new THREE.PerspectiveCamera(45, view.clientWidth / view.clientHeight, 0.1, 1e6);
const controls = new OrbitControls(camera, renderer.domElement);
controls.enableDamping = false;

let model = null;        // the loaded glTF scene
let geo = null;          // extras.geoassure of the loaded file
let axes = null;         // north / east / up arrows
let workspace = null;
const labels = [];       // {el, key, pos: Vector3}

function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  $('lang').textContent = lang === 'en' ? '中文' : 'English';
  $('lang').title = t('other');
  labels.forEach((l) => { l.el.textContent = t(l.key); });
  const none = $('color-by').querySelector('option[value=""]');
  if (none) none.textContent = t('none');
  if (lastPick !== null) showFeature(lastPick);
  showLayout();
  showHazards();
}

$('lang').addEventListener('click', () => {
  lang = lang === 'en' ? 'zh-CN' : 'en';
  applyLanguage();
});

// An API token from the page's link (?token=...), sent with every API request (servers started with --tokens).
const TOKEN = new URLSearchParams(window.location.search).get('token');
const api = (url) => fetch(url, TOKEN ? { headers: { Authorization: 'Bearer ' + TOKEN } } : {});

async function fetchJson(url) {
  const r = await api(url);
  if (!r.ok) throw new Error((await r.json().catch(() => ({}))).detail || r.status + ' ' + url);
  return r.json();
}

function fillColumns(table) {
  const sel = $('color-by');
  sel.innerHTML = '';
  const none = new Option(t('none'), '');
  sel.add(none);
  table.columns.forEach((c) => sel.add(new Option(c.name, c.name)));
  // the first text column (categories), else the first column
  const first = table.columns.find((c) => c.type === 'text') || table.columns[0];
  sel.value = first ? first.name : '';
}

async function start() {
  $('status').textContent = t('loading');
  workspace = await fetchJson('api/v1/workspace');
  $('ws-name').textContent = workspace.name;
  $('ws-crs').textContent = workspace.crs + (workspace.verticalDatum && workspace.verticalDatum !== 'unspecified' ? ' + ' + workspace.verticalDatum : '');
  const tables = workspace.intervalTables;
  if (tables.length === 0) {
    $('status').textContent = t('noTables');
    window.__viewerReady = true;
    return;
  }
  tables.forEach((tb) => $('table').add(new Option(`${tb.name} (${tb.rows})`, tb.name)));
  // a link may choose the table, the colouring and the date: ?table=lithology&colorBy=LITH&asOf=2025-11-15
  const params = new URLSearchParams(window.location.search);
  const chosen = tables.find((tb) => tb.name === params.get('table')) || tables[0];
  $('table').value = chosen.name;
  fillColumns(chosen);
  if (params.get('colorBy') !== null && chosen.columns.some((c) => c.name === params.get('colorBy'))) {
    $('color-by').value = params.get('colorBy');
  }
  if (params.get('asOf')) $('as-of').value = params.get('asOf');
  $('table').addEventListener('change', () => {
    fillColumns(tables.find((tb) => tb.name === $('table').value));
    load();
  });
  $('color-by').addEventListener('change', load);
  if ((workspace.featureLayers || []).length > 0) {
    $('as-of-label').hidden = false;
    $('hazards-label').hidden = false;
    const reload = async () => {
      window.__viewerReady = false;
      await loadFeatures();
      await loadHazards();
      window.__viewerReady = true;
    };
    $('as-of').addEventListener('change', reload);
    $('hazards').addEventListener('change', reload);
  }
  if (params.get('hazards') === '1') $('hazards').checked = true;
  await load();
}

async function load() {
  window.__viewerReady = false;
  $('status').textContent = t('loading');
  const q = new URLSearchParams({ table: $('table').value });
  if ($('color-by').value) q.set('colorBy', $('color-by').value);
  const r = await api('api/v1/gltf?' + q);
  if (!r.ok) {
    $('status').textContent = t('failed') + ((await r.json().catch(() => ({}))).detail || r.status);
    return;
  }
  const gltf = await new GLTFLoader().parseAsync(await r.arrayBuffer(), '');
  if (model) scene.remove(model);
  model = gltf.scene;
  geo = gltf.parser.json.extras.geoassure;
  scene.add(model);
  showLegend(geo.legend || []);
  frame();
  lastPick = null;
  $('info-body').textContent = t('clickHint');
  await loadFeatures();
  await loadHazards();
  $('status').textContent = '';
  renderer.render(scene, camera);
  window.__viewerReady = true;
}

// Hazards as of the date: the water-inrush zone (T above its critical value) drawn at the faces' mean elevation,
// and a line from each face to each hazard whose exploration or warning line it has reached.
let hazardGroup = null;
let hazardCounts = {};

async function loadHazards() {
  if (hazardGroup) scene.remove(hazardGroup);
  hazardGroup = null;
  hazardCounts = {};
  if (!geo || !$('hazards').checked) { showHazards(); return; }
  const q = new URLSearchParams();
  if ($('as-of').value) q.set('asOf', $('as-of').value);
  const [ox, oy, oz] = geo.origin;
  const z = layoutZ ?? oz;
  const local = (c, zz) => [c[0] - ox, zz - oz, -(c[1] - oy)];
  hazardGroup = new THREE.Group();
  try {
    const qz = new URLSearchParams(q);
    qz.set('format', 'geojson');
    qz.set('cell', '25');
    const zones = await fetchJson('api/v1/hazard/water-inrush?' + qz);
    const arr = [];
    for (const f of zones.features) {
      if (f.properties.zone !== 'exceeds_critical') continue;
      hazardCounts.inrushZone = (hazardCounts.inrushZone || 0) + 1;
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const rings of polys) {
        for (const ring of rings) {
          for (let i = 0; i + 1 < ring.length; i++) arr.push(...local(ring[i], z), ...local(ring[i + 1], z));
        }
      }
    }
    if (arr.length) {
      const g = new THREE.BufferGeometry();
      g.setAttribute('position', new THREE.Float32BufferAttribute(arr, 3));
      hazardGroup.add(new THREE.LineSegments(g, new THREE.LineBasicMaterial({ color: 0xff3300 })));
    }
  } catch (e) { /* no piezometers or picks: no zone */ }
  try {
    const prox = await fetchJson('api/v1/hazard/proximity?' + q);
    for (const h of prox.hits) {
      if (!h.level) continue;
      hazardCounts[h.level] = (hazardCounts[h.level] || 0) + 1;
      const g = new THREE.BufferGeometry();
      g.setAttribute('position', new THREE.Float32BufferAttribute(
        [...local(h.faceNearest, h.faceNearest[2]), ...local(h.featureNearest, h.featureNearest[2])], 3));
      hazardGroup.add(new THREE.Line(g, new THREE.LineBasicMaterial({
        color: h.level === 'exploration_line' ? 0xcc0000 : 0xff9900 })));
    }
  } catch (e) { /* no face at that date */ }
  scene.add(hazardGroup);
  showHazards();
}

function showHazards() {
  const ul = $('hazard-items');
  if (!ul) return;
  ul.innerHTML = '';
  const colours = { inrushZone: '#ff3300', warning_line: '#ff9900', exploration_line: '#cc0000' };
  Object.keys(hazardCounts).sort().forEach((k) => {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = colours[k] || '#999';
    li.append(sw, document.createTextNode(`${t(k)} (${hazardCounts[k]})`));
    ul.append(li);
  });
}

// Mine layout: the features valid at the chosen date (faces, roadways, goaf, old workings, faults) as lines in the
// glTF frame of the tubes: local (east, up, -north) from the same origin; a feature without z sits at the origin's.
const ROLE_COLOURS = { face: 0xd62728, roadway: 0x666666, goaf: 0x1f77b4, old_workings: 0x17375e, fault: 0x111111,
  collapse_column: 0x9467bd, topography: 0xa08c64, horizon: 0x8fbc8f, tailings_dam: 0x2ca02c, dam_crest: 0x2ca02c };
let overlay = null;
let overlayCounts = {};
let overlayFaceX = null;
let layoutZ = null;       // mean elevation of the face lines, where 2D hazard zones are drawn

async function loadFeatures() {
  if (!geo || (workspace.featureLayers || []).length === 0) return;
  const q = new URLSearchParams();
  if ($('as-of').value) q.set('asOf', $('as-of').value);
  const fc = await fetchJson('api/v1/features?' + q);
  if (overlay) scene.remove(overlay);
  overlay = new THREE.Group();
  const [ox, oy, oz] = geo.origin;
  const local = (c) => [c[0] - ox, (c.length > 2 ? c[2] : oz) - oz, -(c[1] - oy)];
  const byRole = {};
  overlayCounts = {};
  overlayFaceX = null;
  const addLine = (role, coords) => {
    const arr = byRole[role] || (byRole[role] = []);
    for (let i = 0; i + 1 < coords.length; i++) arr.push(...local(coords[i]), ...local(coords[i + 1]));
  };
  let zsum = 0;
  let zn = 0;
  for (const f of fc.features) {
    const role = f.properties.role || 'other';
    if (role === 'face' && f.geometry.type === 'LineString') {
      f.geometry.coordinates.forEach((c) => { if (c.length > 2) { zsum += c[2]; zn++; } });
    }
    overlayCounts[role] = (overlayCounts[role] || 0) + 1;
    const g = f.geometry;
    if ((f.properties.kind === 'surface' || f.properties.kind === 'solid') && g.type === 'MultiPolygon') {
      // a TIN surface or a solid: translucent triangles
      const tri = [];
      for (const poly of g.coordinates) {
        const ring = poly[0];
        tri.push(...local(ring[0]), ...local(ring[1]), ...local(ring[2]));
      }
      const geom = new THREE.BufferGeometry();
      geom.setAttribute('position', new THREE.Float32BufferAttribute(tri, 3));
      geom.computeVertexNormals();
      overlay.add(new THREE.Mesh(geom, new THREE.MeshLambertMaterial({ color: ROLE_COLOURS[role] ?? 0x8c564b,
        transparent: true, opacity: 0.35, side: THREE.DoubleSide, depthWrite: false })));
      continue;
    }
    if (role === 'face' && overlayFaceX === null && g.type === 'LineString') overlayFaceX = g.coordinates[0][0];
    const lines = g.type === 'LineString' ? [g.coordinates]
      : g.type === 'MultiLineString' || g.type === 'Polygon' ? g.coordinates
        : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
    lines.forEach((l) => addLine(role, l));
  }
  layoutZ = zn > 0 ? zsum / zn : null;
  for (const [role, arr] of Object.entries(byRole)) {
    const geom = new THREE.BufferGeometry();
    geom.setAttribute('position', new THREE.Float32BufferAttribute(arr, 3));
    const mat = new THREE.LineBasicMaterial({ color: ROLE_COLOURS[role] ?? 0x8c564b });
    overlay.add(new THREE.LineSegments(geom, mat));
  }
  scene.add(overlay);
  showLayout();
}

function showLayout() {
  const ul = $('layout-items');
  if (!ul) return;
  ul.innerHTML = '';
  Object.keys(overlayCounts).sort().forEach((role) => {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = '#' + (ROLE_COLOURS[role] ?? 0x8c564b).toString(16).padStart(6, '0');
    li.append(sw, document.createTextNode(`${t(role)} (${overlayCounts[role]})`));
    ul.append(li);
  });
}

function showLegend(items) {
  const ul = $('legend-items');
  ul.innerHTML = '';
  items.forEach((it) => {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = it.color;
    const value = typeof it.value === 'number' ? +it.value.toPrecision(4) : it.value;
    li.append(sw, document.createTextNode(String(value)));
    ul.append(li);
  });
  $('legend').hidden = items.length === 0;
}

/** Frames the model from the south-east, above; draws north, east and up arrows at the model's corner. */
function frame() {
  const box = new THREE.Box3().setFromObject(model);
  const size = box.getSize(new THREE.Vector3());
  const centre = box.getCenter(new THREE.Vector3());
  const extent = Math.max(size.x, size.y, size.z, 1);
  controls.target.copy(centre);
  camera.position.copy(centre).add(new THREE.Vector3(0.8, 0.9, 1.2).normalize().multiplyScalar(extent * 1.6));
  camera.near = extent / 1000;
  camera.far = extent * 100;
  camera.updateProjectionMatrix();
  controls.update();
  if (axes) scene.remove(axes);
  axes = new THREE.Group();
  const at = new THREE.Vector3(box.min.x, box.min.y, box.max.z);
  const len = extent * 0.15;
  labels.forEach((l) => l.el.remove());
  labels.length = 0;
  for (const [dir, colour, key] of [[[0, 0, -1], 0xcc2222, 'north'], [[1, 0, 0], 0x2255cc, 'east'],
    [[0, 1, 0], 0x22aa44, 'up']]) {
    const d = new THREE.Vector3(...dir);
    axes.add(new THREE.ArrowHelper(d, at, len, colour, len * 0.25, len * 0.12));
    const el = document.createElement('span');
    el.style.color = '#' + colour.toString(16).padStart(6, '0');
    el.className = 'axis-' + key;
    $('axis-labels').append(el);
    labels.push({ el, key, pos: at.clone().addScaledVector(d, len * 1.15) });
  }
  scene.add(axes);
  applyLanguage();
}

function placeLabels() {
  const rect = renderer.domElement.getBoundingClientRect();
  labels.forEach((l) => {
    const p = l.pos.clone().project(camera);
    l.el.style.left = rect.left + (p.x + 1) / 2 * rect.width + 'px';
    l.el.style.top = rect.top + (1 - p.y) / 2 * rect.height + 'px';
  });
}

// Picking: the feature id of the nearest hit vertex, looked up in extras.geoassure.featureTable.
const raycaster = new THREE.Raycaster();
let lastPick = null;

function featureAt(clientX, clientY) {
  if (!model) return null;
  const rect = renderer.domElement.getBoundingClientRect();
  const ndc = new THREE.Vector2((clientX - rect.left) / rect.width * 2 - 1, -(clientY - rect.top) / rect.height * 2 + 1);
  raycaster.setFromCamera(ndc, camera);
  const hit = raycaster.intersectObject(model, true)[0];
  if (!hit || !hit.face) return null;
  const ids = hit.object.geometry.getAttribute('_feature_id_0');
  return ids ? Math.round(ids.getX(hit.face.a)) : null;
}

function showFeature(id) {
  const table = geo.featureTable;
  const row = table.rows[id];
  const body = $('info-body');
  body.innerHTML = '';
  const tb = document.createElement('table');
  table.columns.forEach((c, i) => {
    const tr = tb.insertRow();
    const th = document.createElement('th');
    th.textContent = t(c);
    tr.append(th);
    const td = tr.insertCell();
    td.textContent = row[i] === null ? '—' : String(row[i]);
    td.className = 'col-' + c;
  });
  body.append(tb);
}

renderer.domElement.addEventListener('click', (e) => {
  const id = featureAt(e.clientX, e.clientY);
  if (id === null) return;
  lastPick = id;
  showFeature(id);
});

window.addEventListener('resize', () => {
  camera.aspect = view.clientWidth / view.clientHeight;
  camera.updateProjectionMatrix();
  renderer.setSize(view.clientWidth, view.clientHeight);
});

/** Test hooks: where a feature shows on screen (a point whose pick returns it), and what the file said. */
window.__viewer = {
  featureScreenPosition(wanted) {
    const ids = [];
    model.traverse((o) => { if (o.isMesh) ids.push(o); });
    const rect = renderer.domElement.getBoundingClientRect();
    for (const mesh of ids) {
      const f = mesh.geometry.getAttribute('_feature_id_0');
      const pos = mesh.geometry.getAttribute('position');
      const sum = new THREE.Vector3();
      let n = 0;
      for (let i = 0; i < f.count; i++) {
        if (Math.round(f.getX(i)) === wanted) {
          sum.add(new THREE.Vector3().fromBufferAttribute(pos, i));
          n++;
        }
      }
      if (n === 0) continue;
      const p = sum.divideScalar(n).applyMatrix4(mesh.matrixWorld).project(camera);
      const x = rect.left + (p.x + 1) / 2 * rect.width;
      const y = rect.top + (1 - p.y) / 2 * rect.height;
      return { x, y, picks: featureAt(x, y), row: geo.featureTable.rows[wanted] };
    }
    return null;
  },
  featureCount: () => geo.featureTable.rows.length,
  overlay: () => ({ counts: overlayCounts, faceX: overlayFaceX, asOf: $('as-of').value }),
  hazards: () => ({ checked: $('hazards').checked, counts: hazardCounts }),
  extras: () => geo,
  background: () => BACKGROUND.getHexString(),
};

renderer.setAnimationLoop(() => {
  controls.update();
  renderer.render(scene, camera);
  placeLabels();
});

// Live alerts: the server's event stream (GET /api/v1/events) announces each alert event a readings write caused.
let liveCount = 0;
if (window.EventSource) {
  const events = new EventSource('api/v1/events' + (TOKEN ? '?token=' + encodeURIComponent(TOKEN) : ''));
  events.addEventListener('alert', (e) => {
    const li = document.createElement('li');
    const parts = e.data.split(' ');
    li.className = parts[4] || '';
    li.textContent = new Date().toISOString().slice(11, 19) + ' ' + e.data.replace(/^alert /, '');
    $('live-items').prepend(li);
    $('live').hidden = false;
    liveCount++;
  });
  events.addEventListener('readings', () => { if ($('hazards').checked) loadHazards(); });
}
window.__viewer.liveAlerts = () => liveCount;

start().catch((e) => {
  $('status').textContent = t('failed') + e.message;
  window.__viewerError = String(e);
});
applyLanguage();
