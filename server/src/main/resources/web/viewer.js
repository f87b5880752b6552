// GeoAssure web viewer: interval tubes from /api/v1/gltf, placed at the origin in extras.geoassure; the mine layout,
// hazards and block model isosurfaces in the same frame; a layer tree, distance measuring, pointer coordinates, a north
// arrow and a scale bar. glTF is y-up: x = east, y = up, z = -north, float metres from the origin (doubles stay on the
// server); whatever the user reads (coordinates, distances) is computed in the workspace CRS from the origin's doubles.
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
    layers: 'Layers', boreholes: 'Boreholes', layout: 'Mine layout', hazardZones: 'Hazard zones',
    blockSurfaces: 'Block model surfaces', labelsLayer: 'Axes and labels', remove: 'Remove',
    blockModel: 'Block model', bmModel: 'Model', bmAttribute: 'Attribute', bmLevel: 'Level', bmInside: 'Enclose',
    bmBelow: 'values below the level', bmAbove: 'values above the level', bmShow: 'Draw surface',
    bmNeedLevel: 'Enter a level (a number).', waterBodies: 'water bodies',
    measure: 'Measure', measurement: 'Measurement', measureHint: 'Click two points (a collar snaps). Esc cancels.',
    measureSecond: 'Click the second point. Esc cancels.', point1: 'Point 1', point2: 'Point 2',
    dist3d: 'Distance (3D)', distH: 'Horizontal distance', distZ: 'Height difference', snappedTo: 'collar of',
    onPlane: 'on the plane z =', scaleTitle: 'Scale at the centre of the view', compass: 'North',
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
    layers: '图层', boreholes: '钻孔', layout: '采掘工程', hazardZones: '灾害区域',
    blockSurfaces: '块体模型等值面', labelsLayer: '坐标轴与标注', remove: '移除',
    blockModel: '块体模型', bmModel: '模型', bmAttribute: '属性', bmLevel: '阈值', bmInside: '包围',
    bmBelow: '低于阈值的块', bmAbove: '高于阈值的块', bmShow: '绘制等值面',
    bmNeedLevel: '请输入阈值（数字）。', waterBodies: '含水体',
    measure: '测量', measurement: '测量结果', measureHint: '依次点击两点（靠近孔口时自动吸附）。按 Esc 取消。',
    measureSecond: '请点击第二点。按 Esc 取消。', point1: '第一点', point2: '第二点',
    dist3d: '空间距离', distH: '水平距离', distZ: '高差', snappedTo: '孔口',
    onPlane: '位于平面 z =', scaleTitle: '视图中心处的比例尺', compass: '指北针',
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
  showLayerTree();
  showMeasurement();
  $('compass').title = t('compass');
  $('scale').title = t('scaleTitle');
  fitToBar();
}

/** Panels start below the header, whose height depends on the language and the window's width. */
function fitToBar() {
  document.documentElement.style.setProperty('--bar', $('bar').offsetHeight + 'px');
}

$('lang').addEventListener('click', () => {
  lang = lang === 'en' ? 'zh-CN' : 'en';
  applyLanguage();
});

// An API token from the page's link (?token=...), sent with every API request (servers started with --tokens).
const TOKEN = new URLSearchParams(window.location.search).get('token');
const api = (url) => fetch(url, TOKEN ? { headers: { Authorization: 'Bearer ' + TOKEN } } : {});
const postJson = async (url, body) => {
  const headers = { 'Content-Type': 'application/json' };
  if (TOKEN) headers.Authorization = 'Bearer ' + TOKEN;
  const r = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!r.ok) throw new Error((await r.json().catch(() => ({}))).detail || r.status + ' ' + url);
  return r.json();
};

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
  await loadCollars();
  await setupBlockModels(params);
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
  model.userData.layerKey = 'boreholes';
  geo = gltf.parser.json.extras.geoassure;
  scene.add(model);
  showLegend(geo.legend || []);
  frame();
  lastPick = null;
  $('info-body').textContent = t('clickHint');
  await loadFeatures();
  await loadHazards();
  applyVisibility();
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
  if (!geo || !$('hazards').checked) { showHazards(); showLayerTree(); return; }
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
  hazardGroup.userData.layerKey = 'hazards';
  scene.add(hazardGroup);
  showHazards();
  showLayerTree();
  applyVisibility();
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
      const mesh = new THREE.Mesh(geom, new THREE.MeshLambertMaterial({ color: ROLE_COLOURS[role] ?? 0x8c564b,
        transparent: true, opacity: 0.35, side: THREE.DoubleSide, depthWrite: false }));
      mesh.userData.layerKey = 'role:' + role;
      overlay.add(mesh);
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
    const lines = new THREE.LineSegments(geom, mat);
    lines.userData.layerKey = 'role:' + role;
    overlay.add(lines);
  }
  overlay.userData.layerKey = 'layout';
  scene.add(overlay);
  showLayout();
  showLayerTree();
  applyVisibility();
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
  axes.userData.layerKey = 'labels';
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

// a click that ends a drag (orbit, pan) is not a measured point
let downAt = null;
renderer.domElement.addEventListener('pointerdown', (e) => { downAt = { x: e.clientX, y: e.clientY }; });
renderer.domElement.addEventListener('click', (e) => {
  if (measuring) {
    if (!downAt || Math.hypot(e.clientX - downAt.x, e.clientY - downAt.y) <= 4) measureClick(e.clientX, e.clientY);
    return;
  }
  const id = featureAt(e.clientX, e.clientY);
  if (id === null) return;
  lastPick = id;
  showFeature(id);
});

window.addEventListener('resize', () => {
  camera.aspect = view.clientWidth / view.clientHeight;
  camera.updateProjectionMatrix();
  renderer.setSize(view.clientWidth, view.clientHeight);
  fitToBar();
});

// ---------------------------------------------------------------------------------------------------- world <-> local
// Local (glTF) coordinates are float metres from geo.origin: (east, up, -north). World coordinates are the workspace
// CRS's x, y, z as stored (doubles), for everything the user reads.
const toWorld = (v) => [geo.origin[0] + v.x, geo.origin[1] - v.z, geo.origin[2] + v.y];
const toLocal = (w) => new THREE.Vector3(w[0] - geo.origin[0], w[2] - geo.origin[2], -(w[1] - geo.origin[1]));
const fmt = (v, d = 2) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: false });

function toScreen(local) {
  const rect = renderer.domElement.getBoundingClientRect();
  const p = local.clone().project(camera);
  return { x: rect.left + (p.x + 1) / 2 * rect.width, y: rect.top + (1 - p.y) / 2 * rect.height, inFront: p.z < 1 };
}

// ------------------------------------------------------------------------------------------------------- layer tree
// What is drawn, grouped: boreholes, the mine layout by role, hazard zones, block model surfaces, axes and labels.
// A box switches its objects' visibility (nothing is reloaded); a parent switches its children with it.
const hiddenLayers = new Set();

function layerVisible(key) {
  if (hiddenLayers.has(key)) return false;
  if (key.startsWith('role:')) return !hiddenLayers.has('layout');
  if (key.startsWith('iso:')) return !hiddenLayers.has('iso');
  return true;
}

function applyVisibility() {
  scene.traverse((o) => { if (o.userData.layerKey) o.visible = layerVisible(o.userData.layerKey); });
  $('axis-labels').hidden = !layerVisible('labels');
  $('measure-labels').hidden = !layerVisible('labels');
}

function showLayerTree() {
  const ul = $('layer-items');
  if (!ul) return;
  ul.innerHTML = '';
  const item = (parent, key, text, swatch) => {
    const li = document.createElement('li');
    li.dataset.layer = key;
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = !hiddenLayers.has(key);
    box.addEventListener('change', () => {
      if (box.checked) hiddenLayers.delete(key); else hiddenLayers.add(key);
      applyVisibility();
    });
    label.append(box);
    if (swatch) {
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.cssText = `display:inline-block;width:12px;height:12px;border:1px solid #888;background:${swatch}`;
      label.append(sw);
    }
    label.append(document.createTextNode(text));
    li.append(label);
    parent.append(li);
    return li;
  };
  const sub = (li) => { const u = document.createElement('ul'); li.append(u); return u; };
  if (model) item(ul, 'boreholes', `${t('boreholes')} (${$('table').value})`);
  const roles = Object.keys(overlayCounts).sort();
  if (overlay && roles.length) {
    const u = sub(item(ul, 'layout', t('layout')));
    roles.forEach((r) => item(u, 'role:' + r, `${t(r)} (${overlayCounts[r]})`,
      '#' + (ROLE_COLOURS[r] ?? 0x8c564b).toString(16).padStart(6, '0')));
  }
  if (hazardGroup) item(ul, 'hazards', t('hazardZones'), '#ff3300');
  if (isoSurfaces.size) {
    const u = sub(item(ul, 'iso', t('blockSurfaces')));
    for (const [id, s] of isoSurfaces) {
      const li = item(u, 'iso:' + id, isoName(s), '#' + s.colour.toString(16).padStart(6, '0'));
      const x = document.createElement('button');
      x.type = 'button';
      x.textContent = '×';
      x.title = t('remove');
      x.className = 'remove';
      x.addEventListener('click', () => {
        isoGroup.remove(s.object);
        isoSurfaces.delete(id);
        showLayerTree();
      });
      li.querySelector('label').append(x);
    }
  }
  if (axes) item(ul, 'labels', t('labelsLayer'));
}

// ---------------------------------------------------------------------------------------------------- block models
// Isosurfaces of a block model attribute (GET /api/v1/gltf?model=M&isosurface=ATTR:LEVEL[&below=true]), placed in the
// tubes' frame (each file has its own origin) and drawn semi-transparent. The demo mine's water bodies (resistivity
// RHO below 20 ohm.m) are offered first when the workspace has that model.
const isoGroup = new THREE.Group();
scene.add(isoGroup);
const isoSurfaces = new Map();   // id -> {object, model, attribute, level, below, colour}
const ISO_COLOURS = [0x1e6fff, 0xe8590c, 0x2f9e44, 0xae3ec9, 0xf59f00];
const isoName = (s) => `${s.model} ${s.attribute} ${s.below ? '<' : '>'} ${s.level}`
  + (s.model === 'resistivity' && s.attribute === 'RHO' && s.below ? ` (${t('waterBodies')})` : '');

async function setupBlockModels(params) {
  const models = (workspace.blockModels || []).filter((m) => m.attributes.some((a) => a.type !== 'category'));
  if (!models.length || !geo) return;
  const water = models.find((m) => m.name === 'resistivity' && m.attributes.some((a) => a.name === 'RHO'));
  $('bm-details').hidden = false; // closed until opened; a link that draws a surface opens it
  models.forEach((m) => $('bm-model').add(new Option(`${m.name} (v${m.version})`, m.name)));
  const fillAttributes = () => {
    const m = models.find((x) => x.name === $('bm-model').value);
    $('bm-attr').innerHTML = '';
    m.attributes.filter((a) => a.type !== 'category').forEach((a) => $('bm-attr').add(new Option(a.name, a.name)));
  };
  $('bm-model').addEventListener('change', fillAttributes);
  $('bm-model').value = (water || models[0]).name;
  fillAttributes();
  if (water) {
    $('bm-attr').value = 'RHO';
    $('bm-level').value = '20';
    $('bm-side').value = 'below';
  }
  $('bm-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const level = $('bm-level').value.trim();
    if (level === '' || !Number.isFinite(Number(level))) { $('bm-status').textContent = t('bmNeedLevel'); return; }
    window.__viewerReady = false;
    await loadIsosurface($('bm-model').value, $('bm-attr').value, Number(level), $('bm-side').value === 'below');
    window.__viewerReady = true;
  });
  // a link may draw one: ?model=resistivity&isosurface=RHO:20&below=1
  const iso = params.get('isosurface');
  if (params.get('model') && iso && iso.lastIndexOf(':') > 0) {
    const c = iso.lastIndexOf(':');
    $('bm-details').open = true;
    await loadIsosurface(params.get('model'), iso.slice(0, c), Number(iso.slice(c + 1)),
      params.get('below') === '1' || params.get('below') === 'true');
  }
}

async function loadIsosurface(modelName, attribute, level, below) {
  $('bm-status').textContent = t('loading');
  const q = new URLSearchParams({ model: modelName, isosurface: `${attribute}:${level}` });
  if (below) q.set('below', 'true');
  const r = await api('api/v1/gltf?' + q);
  if (!r.ok) {
    $('bm-status').textContent = t('failed') + ((await r.json().catch(() => ({}))).detail || r.status);
    return false;
  }
  const gltf = await new GLTFLoader().parseAsync(await r.arrayBuffer(), '');
  const iso = gltf.parser.json.extras.geoassure;
  const object = gltf.scene;
  object.position.copy(toLocal(iso.origin));
  const id = `${modelName}:${attribute}${below ? '<' : '>'}${level}`;
  const old = isoSurfaces.get(id);
  if (old) isoGroup.remove(old.object);
  const colour = old ? old.colour : ISO_COLOURS[isoSurfaces.size % ISO_COLOURS.length];
  object.traverse((o) => {
    if (!o.isMesh) return;
    o.material = new THREE.MeshLambertMaterial({ color: colour, transparent: true, opacity: 0.5,
      side: THREE.DoubleSide, depthWrite: false });
    o.renderOrder = 2;
  });
  object.userData.layerKey = 'iso:' + id;
  isoGroup.add(object);
  isoSurfaces.set(id, { object, model: modelName, attribute, level, below, colour, triangles: iso.triangles });
  $('bm-status').textContent = '';
  showLayerTree();
  applyVisibility();
  return true;
}

// ------------------------------------------------------------------------------------------------ picking surfaces
/** The nearest hit on a visible mesh (tubes, layout surfaces, block model surfaces) under a screen point, or null. */
function surfaceAt(clientX, clientY) {
  const rect = renderer.domElement.getBoundingClientRect();
  const ndc = new THREE.Vector2((clientX - rect.left) / rect.width * 2 - 1, -(clientY - rect.top) / rect.height * 2 + 1);
  raycaster.setFromCamera(ndc, camera);
  const targets = [];
  for (const root of [model, overlay, isoGroup]) {
    if (!root) continue;
    root.traverseVisible((o) => { if (o.isMesh) targets.push(o); }); // skips switched-off layers
  }
  const hit = raycaster.intersectObjects(targets, false)[0];
  return hit ? hit.point : null;
}

// Collars (POST /api/v1/query boreholes): the measuring tool snaps to one within SNAP_PX pixels.
let collars = [];
const SNAP_PX = 12;

async function loadCollars() {
  try {
    const rows = await postJson('api/v1/query', { from: 'boreholes' });
    collars = rows.filter((r) => Number.isFinite(r.x) && Number.isFinite(r.y) && Number.isFinite(r.z))
      .map((r) => ({ id: r.hole_id, world: [r.x, r.y, r.z] }));
  } catch (e) { collars = []; }
}

function collarNear(clientX, clientY) {
  if (!model || !layerVisible('boreholes')) return null;
  let best = null;
  let bestD = SNAP_PX;
  for (const c of collars) {
    const s = toScreen(toLocal(c.world));
    const d = Math.hypot(s.x - clientX, s.y - clientY);
    if (s.inFront && d <= bestD) { best = c; bestD = d; }
  }
  return best;
}

/** A measured point: a collar when one is near, else the surface under the pointer; world and local. */
function pickPoint(clientX, clientY) {
  const c = collarNear(clientX, clientY);
  if (c) return { world: c.world.slice(), local: toLocal(c.world), collar: c.id };
  const p = surfaceAt(clientX, clientY);
  return p ? { world: toWorld(p), local: p.clone(), collar: null } : null;
}

// --------------------------------------------------------------------------------------------------- measuring
// Two clicks give the 3D distance, the horizontal distance and the height difference, from the points' world
// coordinates (doubles), drawn as a line with a label. Esc cancels.
let measuring = false;
let measurePoints = [];
let measureResult = null;
const measureGroup = new THREE.Group();
measureGroup.renderOrder = 10;
scene.add(measureGroup);
let measureLabel = null;

function setMeasuring(on) {
  measuring = on;
  $('measure').setAttribute('aria-pressed', String(on));
  view.classList.toggle('measuring', on);
  if (!on) clearMeasurement();
  showMeasurement();
}

function clearMeasurement() {
  measurePoints = [];
  measureResult = null;
  measureGroup.clear();
  if (measureLabel) measureLabel.remove();
  measureLabel = null;
}

$('measure').addEventListener('click', () => setMeasuring(!measuring));
window.addEventListener('keydown', (e) => { if (e.key === 'Escape' && measuring) setMeasuring(false); });

function measureClick(clientX, clientY) {
  const p = pickPoint(clientX, clientY);
  if (!p) return;
  if (measurePoints.length >= 2) clearMeasurement();
  measurePoints.push(p);
  drawMeasurement();
  if (measurePoints.length === 2) {
    const [a, b] = measurePoints.map((q) => q.world);
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const dz = b[2] - a[2];
    measureResult = { a: measurePoints[0], b: measurePoints[1], d3: Math.hypot(dx, dy, dz), dh: Math.hypot(dx, dy), dz };
  }
  showMeasurement();
}

function drawMeasurement() {
  measureGroup.clear();
  const pts = measurePoints.map((p) => p.local);
  const dots = new THREE.BufferGeometry().setFromPoints(pts);
  measureGroup.add(new THREE.Points(dots, new THREE.PointsMaterial({ color: 0xffb000, size: 9, sizeAttenuation: false,
    depthTest: false })));
  if (pts.length === 2) {
    const line = new THREE.Line(new THREE.BufferGeometry().setFromPoints(pts),
      new THREE.LineBasicMaterial({ color: 0xffb000, depthTest: false }));
    measureGroup.add(line);
  }
  measureGroup.children.forEach((o) => { o.renderOrder = 10; });
}

function showMeasurement() {
  const panel = $('measure-panel');
  const body = $('measure-body');
  if (!measuring) { panel.hidden = true; return; }
  panel.hidden = false;
  body.innerHTML = '';
  if (!measureResult) {
    body.textContent = measurePoints.length === 1 ? t('measureSecond') : t('measureHint');
    if (measureLabel) measureLabel.remove();
    measureLabel = null;
    return;
  }
  const tb = document.createElement('table');
  const row = (label, cls, values) => {
    const tr = tb.insertRow();
    const th = document.createElement('th');
    th.textContent = label;
    tr.append(th);
    values.forEach((v, i) => { const td = tr.insertCell(); td.textContent = v; td.className = cls + (values.length > 1 ? '-' + 'xyz'[i] : ''); });
  };
  const head = tb.insertRow();
  ['', 'x', 'y', 'z'].forEach((h) => { const th = document.createElement('th'); th.textContent = h; head.append(th); });
  const { a, b } = measureResult;
  row(t('point1') + (a.collar ? ` (${t('snappedTo')} ${a.collar})` : ''), 'm-a', a.world.map((v) => fmt(v)));
  row(t('point2') + (b.collar ? ` (${t('snappedTo')} ${b.collar})` : ''), 'm-b', b.world.map((v) => fmt(v)));
  row(t('dist3d'), 'm-d3', [fmt(measureResult.d3) + ' m']);
  row(t('distH'), 'm-dh', [fmt(measureResult.dh) + ' m']);
  row(t('distZ'), 'm-dz', [(measureResult.dz >= 0 ? '+' : '') + fmt(measureResult.dz) + ' m']);
  tb.querySelectorAll('td.m-d3, td.m-dh, td.m-dz').forEach((td) => { td.colSpan = 3; });
  body.append(tb);
  if (!measureLabel) {
    measureLabel = document.createElement('span');
    $('measure-labels').append(measureLabel);
  }
  measureLabel.textContent = `${fmt(measureResult.d3)} m`;
}

function placeMeasureLabel() {
  if (!measureLabel || !measureResult) return;
  const mid = measureResult.a.local.clone().add(measureResult.b.local).multiplyScalar(0.5);
  const s = toScreen(mid);
  measureLabel.style.left = s.x + 'px';
  measureLabel.style.top = s.y + 'px';
}

// ------------------------------------------------------------------------------- pointer, north arrow, scale bar
let pointer = null;        // the last pointer position over the canvas, read once per frame
let pointerWorld = null;   // what the status bar shows: {world, onPlane}
renderer.domElement.addEventListener('pointermove', (e) => { pointer = { x: e.clientX, y: e.clientY }; });
renderer.domElement.addEventListener('pointerleave', () => { pointer = null; $('coords').textContent = ''; });

function updatePointer() {
  if (!pointer || !geo) return;
  const { x, y } = pointer;
  pointer = null;
  const hit = surfaceAt(x, y);
  if (hit) {
    pointerWorld = { world: toWorld(hit), onPlane: false };
  } else {
    // no surface: where the ray meets the horizontal plane through the centre of the view
    const plane = new THREE.Plane(new THREE.Vector3(0, 1, 0), -controls.target.y);
    const p = raycaster.ray.intersectPlane(plane, new THREE.Vector3());
    pointerWorld = p ? { world: toWorld(p), onPlane: true } : null;
  }
  const w = pointerWorld?.world;
  $('coords').textContent = !w ? '' : pointerWorld.onPlane
    ? `x ${fmt(w[0])}  y ${fmt(w[1])}  (${t('onPlane')} ${fmt(w[2])})  ${workspace.crs}`
    : `x ${fmt(w[0])}  y ${fmt(w[1])}  z ${fmt(w[2])}  ${workspace.crs}`;
}

const NICE = [1, 2, 5];
let northAngle = 0;   // degrees clockwise from screen up to north, as the arrow shows
let scaleMetres = 0;  // the scale bar's length

function updateCompassAndScale() {
  if (!geo) return;
  // north on screen: where a step north of the centre of the view projects
  const c = toScreen(controls.target);
  const n = toScreen(controls.target.clone().add(new THREE.Vector3(0, 0, -1).multiplyScalar(camera.position.distanceTo(controls.target) * 0.1)));
  const angle = Math.atan2(n.x - c.x, -(n.y - c.y)) * 180 / Math.PI;
  $('compass-needle').setAttribute('transform', `rotate(${angle.toFixed(1)})`);
  northAngle = angle;
  // metres per CSS pixel at the distance of the centre of the view
  const height = renderer.domElement.clientHeight;
  const d = camera.position.distanceTo(controls.target);
  const mpp = 2 * d * Math.tan(THREE.MathUtils.degToRad(camera.fov / 2)) / height;
  const want = 120 * mpp;
  const p10 = 10 ** Math.floor(Math.log10(want));
  let len = p10;
  for (const k of NICE) if (k * p10 <= want) len = k * p10;
  $('scale-bar').style.width = Math.round(len / mpp) + 'px';
  $('scale-label').textContent = len >= 1000 ? `${len / 1000} km` : `${+len.toPrecision(3)} m`;
  scaleMetres = len;
}

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
  pickAt: (x, y) => featureAt(x, y),
  overlay: () => ({ counts: overlayCounts, faceX: overlayFaceX, asOf: $('as-of').value }),
  hazards: () => ({ checked: $('hazards').checked, counts: hazardCounts }),
  extras: () => geo,
  background: () => BACKGROUND.getHexString(),
  /** Where a world point (workspace CRS x, y, z) shows on screen. */
  screenOf: (w) => toScreen(toLocal(w)),
  layers: () => [...document.querySelectorAll('#layer-items li')].map((li) => ({ key: li.dataset.layer,
    checked: li.querySelector('input').checked, visible: layerVisible(li.dataset.layer) })),
  measurement: () => (measureResult ? { a: measureResult.a.world, b: measureResult.b.world, aCollar: measureResult.a.collar,
    bCollar: measureResult.b.collar, d3: measureResult.d3, dh: measureResult.dh, dz: measureResult.dz } : null),
  isosurfaces: () => [...isoSurfaces.entries()].map(([id, s]) => ({ id, colour: s.colour.toString(16).padStart(6, '0'),
    triangles: s.triangles, visible: s.object.visible })),
  compass: () => ({ angle: northAngle, scaleMetres, scaleText: $('scale-label').textContent,
    scalePx: parseFloat($('scale-bar').style.width) }),
};

renderer.setAnimationLoop(() => {
  controls.update();
  renderer.render(scene, camera);
  placeLabels();
  placeMeasureLabel();
  updateCompassAndScale();
  updatePointer();
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
