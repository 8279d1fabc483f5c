/*
 * The situation map's page logic: layer groups filled from JSON sent by the console, and the
 * operator's gestures reported back over the QWebChannel object "bridge".
 *
 * Rules kept throughout:
 *  - every text (names, titles, plates, labels) enters the DOM through textContent, never as
 *    markup; CSS class names are built only from values reduced to [a-z0-9_-];
 *  - data only ever arrives through TianmuMap.receive(jsonText), called by the bridge's
 *    "messages" signal; the page is never rebuilt.
 */
(function () {
  'use strict';

  var LAYERS = ['coverage', 'route', 'track', 'cameras', 'units', 'events', 'alerts'];
  var CAMERA_COLOURS = { online: '#2e9d4f', offline: '#8a8f98' };
  var CAMERA_OTHER = '#3b73c4';
  var CONE_RADIUS_M = 180;
  var CONE_MIN_PX = 45;
  var DRAG_START_PX = 6;
  var FRAME_SAMPLES = 600;
  // Frame times are sampled only this long after something changed: a page that asks for
  // every frame makes frames forever, and on X11 the console's GUI thread pays for each.
  var FRAME_WATCH_MS = 1000;
  // Overdue events and new alerts blink in two steps a second, on one timer that runs only
  // while such a marker is on screen; a new alert blinks this long, then stays marked.
  var BLINK_MS = 500;
  var FLASH_MS = 4000;

  var st = {
    map: null,
    bridge: null,
    groups: {},
    items: {},
    order: { track: [] },
    visible: {},
    renderers: {},
    strings: {},
    legend: null,
    legendEntries: [],
    legendShown: true,
    hint: null,
    pick: false,
    selectedCamera: null,
    selectedEvent: null,
    selection: null,
    trackLine: null,
    tip: null,
    press: null,
    box: null,
    batches: 0,
    receiveMs: null,
    applied: 0,
    frames: new Float64Array(FRAME_SAMPLES),
    frameCount: 0,
    lastFrame: 0,
    frameRequested: false,
    watchUntil: 0,
    blinkTimer: null,
    blinkOn: false,
    flashUntil: {}
  };

  // ------------------------------------------------------------------ small helpers

  function token(value) {
    return String(value === null || value === undefined ? '' : value)
      .toLowerCase().replace(/[^a-z0-9_-]/g, '').slice(0, 40);
  }

  function textEl(tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    el.textContent = text === null || text === undefined ? '' : String(text);
    return el;
  }

  function num(value) {
    if (typeof value !== 'number' || !isFinite(value)) { return null; }
    return value;
  }

  function pointOf(f) {
    var lat = num(f.lat), lon = num(f.lon);
    if (lat === null || lon === null || lat < -90 || lat > 90) { return null; }
    return L.latLng(lat, lon);
  }

  function pathOf(points) {
    var out = [];
    if (!Array.isArray(points)) { return out; }
    for (var i = 0; i < points.length; i++) {
      var p = points[i];
      if (Array.isArray(p) && num(p[0]) !== null && num(p[1]) !== null) { out.push([p[0], p[1]]); }
    }
    return out;
  }

  function idOf(f) {
    return typeof f.id === 'string' && f.id.length > 0 ? f.id : null;
  }

  function send(method) {
    var args = Array.prototype.slice.call(arguments, 1);
    if (st.bridge && typeof st.bridge[method] === 'function') {
      st.bridge[method].apply(st.bridge, args);
    }
  }

  function reportError(where, error) {
    var message = where + ': ' + (error && error.message ? error.message : String(error));
    if (window.console) { console.error(message); }
    send('reportError', message);
  }

  function tooltipBox(lines) {
    var box = document.createElement('div');
    box.className = 'tm-tip-box';
    for (var i = 0; i < lines.length; i++) {
      if (lines[i][1] !== null && lines[i][1] !== undefined && String(lines[i][1]) !== '') {
        box.appendChild(textEl('div', lines[i][0], lines[i][1]));
      }
    }
    return box;
  }

  function destination(lat, lon, bearingDeg, metres) {
    var R = 6371008.8, d = metres / R, b = bearingDeg * Math.PI / 180;
    var p1 = lat * Math.PI / 180, l1 = lon * Math.PI / 180;
    var p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
    var l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1),
      Math.cos(d) - Math.sin(p1) * Math.sin(p2));
    return [p2 * 180 / Math.PI, l2 * 180 / Math.PI];
  }

  function clickedOn(kind, id, latlng) {
    if (st.pick) { pickAt(latlng); return; }
    send(kind, id);
  }

  // ------------------------------------------------------------------ cameras (one canvas)

  // Thousands of cameras are drawn by one layer on one canvas: a point per camera, grouped by
  // colour into a few paths, and a grid of screen cells to find the camera under the pointer.
  // (Leaflet's own circle markers cost about 90 µs each to add; 50,000 would take seconds.)
  var CAMERA_RADIUS = 5;
  var HIT_SLOP = 3;
  var GRID_CELL = 16;
  var CANVAS_PAD = 0.25;

  // Places a canvas over the view plus a margin (so a short pan shows no blank edge) and
  // clears it; the backing store is reallocated only when the view's size changed.
  function fitCanvas(map, canvas) {
    var size = map.getSize();
    var min = size.multiplyBy(-CANVAS_PAD).round();
    var full = size.multiplyBy(1 + 2 * CANVAS_PAD).round();
    var origin = map.containerPointToLayerPoint(min);
    var ratio = window.devicePixelRatio || 1;
    var width = Math.round(full.x * ratio), height = Math.round(full.y * ratio);
    L.DomUtil.setPosition(canvas, origin);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = full.x + 'px';
      canvas.style.height = full.y + 'px';
    }
    var ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, full.x, full.y);
    return { origin: origin, full: full, ctx: ctx };
  }

  function gridKey(x, y) {
    return Math.floor(x / GRID_CELL) * 65536 + Math.floor(y / GRID_CELL);
  }

  function gridAdd(grid, p) {
    var key = gridKey(p.x, p.y);
    var cell = grid.get(key);
    if (!cell) { cell = []; grid.set(key, cell); }
    cell.push(p);
  }

  // Places ``p`` on the canvas: its pixel position (NaN when off the canvas), its colour's
  // bucket for drawing, and the hit grid. Returns whether it is on the canvas.
  function placeOnCanvas(map, p, placed, r, byColour, grid) {
    var lp = map.latLngToLayerPoint(p.ll);
    var x = lp.x - placed.origin.x, y = lp.y - placed.origin.y;
    if (x < -r || y < -r || x > placed.full.x + r || y > placed.full.y + r) {
      p.x = NaN;
      return false;
    }
    p.x = x;
    p.y = y;
    var bucket = byColour.get(p.colour);
    if (!bucket) { bucket = []; byColour.set(p.colour, bucket); }
    bucket.push(p);
    gridAdd(grid, p);
    return true;
  }

  // the point drawn nearest to a container point, within ``reach`` pixels
  function gridHit(map, grid, origin, containerPoint, reach) {
    if (!grid || !map) { return null; }
    var lp = map.containerPointToLayerPoint(containerPoint);
    var x = lp.x - origin.x, y = lp.y - origin.y;
    var cx = Math.floor(x / GRID_CELL), cy = Math.floor(y / GRID_CELL);
    var best = null, bestD = reach * reach;
    for (var dx = -1; dx <= 1; dx++) {
      for (var dy = -1; dy <= 1; dy++) {
        var cell = grid.get((cx + dx) * 65536 + (cy + dy));
        if (!cell) { continue; }
        for (var i = 0; i < cell.length; i++) {
          var d = (cell[i].x - x) * (cell[i].x - x) + (cell[i].y - y) * (cell[i].y - y);
          if (d <= bestD) { bestD = d; best = cell[i]; }
        }
      }
    }
    return best;
  }

  function CameraPoint(owner, id, ll, colour) {
    this.owner = owner;
    this.tmId = id;
    this.ll = ll;
    this.colour = colour;
    this.x = NaN;
    this.y = NaN;
  }
  CameraPoint.prototype.getLatLng = function () { return this.ll; };
  CameraPoint.prototype.setLatLng = function (ll) { this.ll = L.latLng(ll); this.owner.changed(); return this; };
  CameraPoint.prototype.setStyle = function (style) {
    if (style.fillColor) { this.colour = style.fillColor; }
    this.owner.changed();
    return this;
  };

  var CameraLayer = L.Layer.extend({
    initialize: function () {
      this._points = new Set();
      this._grid = null;
      this._frame = null;
      this._canvas = null;
    },
    addLayer: function (point) { this._points.add(point); this.changed(); return this; },
    removeLayer: function (point) { this._points.delete(point); this.changed(); return this; },
    clearLayers: function () { this._points.clear(); this.changed(); return this; },
    count: function () { return this._points.size; },
    forEach: function (fn) { this._points.forEach(fn); },
    changed: function () {
      if (!this._map || this._frame !== null) { return; }
      var self = this;
      this._frame = L.Util.requestAnimFrame(function () { self._frame = null; self._redraw(); });
    },
    onAdd: function (map) {
      // hidden while Leaflet animates a zoom, redrawn when it ends
      this._canvas = L.DomUtil.create('canvas', 'tm-camera-canvas leaflet-zoom-hide');
      map.getPane('tmCameras').appendChild(this._canvas);
      map.on('moveend zoomend resize viewreset', this._redraw, this);
      this._redraw();
    },
    onRemove: function (map) {
      map.off('moveend zoomend resize viewreset', this._redraw, this);
      if (this._frame !== null) { L.Util.cancelAnimFrame(this._frame); this._frame = null; }
      L.DomUtil.remove(this._canvas);
      this._canvas = null;
      this._grid = null;
    },
    _redraw: function () {
      var map = this._map, canvas = this._canvas;
      if (!map || !canvas) { return; }
      if (this._frame !== null) { L.Util.cancelAnimFrame(this._frame); this._frame = null; }
      var placed = fitCanvas(map, canvas);
      var origin = placed.origin, ctx = placed.ctx;
      var r = CAMERA_RADIUS, grid = new Map(), byColour = new Map();
      this._points.forEach(function (p) {
        placeOnCanvas(map, p, placed, r, byColour, grid);
      });
      ctx.lineWidth = 1;
      ctx.strokeStyle = '#ffffff';
      byColour.forEach(function (points, colour) {
        ctx.beginPath();
        for (var i = 0; i < points.length; i++) {
          ctx.moveTo(points[i].x + r, points[i].y);
          ctx.arc(points[i].x, points[i].y, r, 0, 2 * Math.PI);
        }
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.stroke();
      });
      this._grid = grid;
      this._origin = origin;
    },
    // the camera drawn nearest to a container point, within its radius and a little slop
    hit: function (containerPoint) {
      return gridHit(this._map, this._grid, this._origin, containerPoint, CAMERA_RADIUS + HIT_SLOP);
    },
    isCanvas: function (element) { return element === this._canvas; }
  });

  function cameraColour(status) {
    return CAMERA_COLOURS[token(status)] || CAMERA_OTHER;
  }

  function cameraCreate(f, ll) {
    return new CameraPoint(st.groups.cameras, f.id, ll, cameraColour(f.status));
  }

  function cameraUpdate(item, f, ll) {
    if (!item.layer.getLatLng().equals(ll)) { item.layer.setLatLng(ll); }
    if (token(item.f.status) !== token(f.status)) {
      item.layer.setStyle({ fillColor: cameraColour(f.status) });
    }
  }

  function cameraAt(ev) {
    var layer = st.groups.cameras;
    if (!st.map.hasLayer(layer) || !layer.isCanvas(ev.target)) { return null; }
    return layer.hit(st.map.mouseEventToContainerPoint(ev));
  }

  function showCameraTip(point) {
    var item = st.items.cameras[point.tmId];
    if (!item) { return; }
    st.tip.setLatLng(point.getLatLng());
    st.tip.setContent(tooltipBox([['tm-tip-title', item.f.name], ['tm-tip-sub', item.f.kind]]));
    st.map.openTooltip(st.tip);
  }

  function wireCameras(map) {
    var hovered = null;
    map.on('mousemove', function (e) {
      if (st.press || st.box) { return; }
      var unit = unitAt(e.originalEvent);
      var point = unit || cameraAt(e.originalEvent);
      if (point === hovered) { return; }
      hovered = point;
      map.getContainer().classList.toggle('tm-over-camera', point !== null);
      if (unit) { showUnitTip(unit); } else if (point) { showCameraTip(point); } else { map.closeTooltip(st.tip); }
    });
    map.on('mouseout', function () { hovered = null; map.closeTooltip(st.tip); });
    map.on('click', function (e) {
      if (st.pick) { return; }
      var unit = unitAt(e.originalEvent);
      if (unit) { send('unitClicked', unit.tmId); return; }
      var point = cameraAt(e.originalEvent);
      if (point) { send('cameraClicked', point.tmId); }
    });
  }

  // ------------------------------------------------------------------ units (two canvases)

  // Units move many times a second, so they are drawn like the cameras: each unit a square on
  // one canvas above the cameras, its trail on another below them. A batch of moves costs one
  // redraw of both in the next frame (instead of moving hundreds of DOM markers and rebuilding
  // their polylines), and a trail keeps the projected points it already had.
  // Squares shrink as the map zooms out: the whole city holds hundreds of units, and at full
  // size they would hide the cameras and events under them.
  function unitHalf(zoom) {
    return zoom >= 15 ? 7 : zoom >= 13 ? 5 : 3.5;
  }
  var UNIT_COLOURS = {
    available: '#0b7285', dispatched: '#f08c00', acknowledged: '#f08c00', en_route: '#1f6feb',
    on_scene: '#c2255c', returning: '#5f3dc4', out_of_service: '#868e96'
  };
  var UNIT_OTHER = '#1f6feb';

  function unitColour(status) {
    return UNIT_COLOURS[token(status)] || UNIT_OTHER;
  }

  // A move names its trail as a change to the one the page has (MapView sends the points
  // kept from ``trail_drop`` on and the ones added), or in full.
  function trailOf(f, current) {
    var drop = num(f.trail_drop), keep = num(f.trail_keep);
    if (drop === null || keep === null) { return pathOf(f.trail); }
    drop = Math.max(0, Math.floor(drop));
    keep = Math.max(0, Math.floor(keep));
    return current.slice(drop, drop + keep).concat(pathOf(f.trail_add));
  }

  function UnitPoint(id, ll, colour, trail) {
    this.tmId = id;
    this.ll = ll;
    this.colour = colour;
    this.trail = trail;    // [[lat, lon], ...] as given
    this.proj = [];        // the trail's points projected at zoom projZoom
    this.projZoom = null;
    this.x = NaN;
    this.y = NaN;
  }
  UnitPoint.prototype.getLatLng = function () { return this.ll; };
  UnitPoint.prototype.getTooltip = function () { return st.tip; };
  UnitPoint.prototype.openTooltip = function () { showUnitTip(this); return this; };
  // A new trail usually is the old one with its oldest points dropped and its newest point
  // moved or added: the points it shares with the old one keep their projection.
  UnitPoint.prototype.setTrail = function (trail) {
    var old = this.trail, proj = this.proj, zoom = this.projZoom;
    this.trail = trail;
    this.proj = [];
    if (zoom === null || !old.length || !trail.length) { this.projZoom = null; return; }
    var shift = 0;
    while (shift < old.length - 1 && !(old[shift][0] === trail[0][0] && old[shift][1] === trail[0][1])) { shift++; }
    for (var i = 0; i < trail.length; i++) {
      var j = i + shift;
      if (j < old.length && j < proj.length && old[j][0] === trail[i][0] && old[j][1] === trail[i][1]) {
        this.proj.push(proj[j]);
      } else {
        this.proj.push(st.map.project(L.latLng(trail[i][0], trail[i][1]), zoom));
      }
    }
  };
  UnitPoint.prototype.projected = function (map, zoom) {
    if (this.projZoom !== zoom) {
      this.proj = [];
      for (var i = 0; i < this.trail.length; i++) {
        this.proj.push(map.project(L.latLng(this.trail[i][0], this.trail[i][1]), zoom));
      }
      this.projZoom = zoom;
    }
    return this.proj;
  };

  var UnitLayer = L.Layer.extend({
    initialize: function () {
      this._points = new Set();
      this._grid = null;
      this._frame = null;
      this._marks = null;
      this._trails = null;
    },
    addLayer: function (point) { this._points.add(point); this.changed(); return this; },
    removeLayer: function (point) { this._points.delete(point); this.changed(); return this; },
    clearLayers: function () { this._points.clear(); this.changed(); return this; },
    count: function () { return this._points.size; },
    changed: function () {
      if (!this._map || this._frame !== null) { return; }
      var self = this;
      this._frame = L.Util.requestAnimFrame(function () { self._frame = null; self._redraw(); });
    },
    onAdd: function (map) {
      this._trails = L.DomUtil.create('canvas', 'tm-unit-canvas leaflet-zoom-hide');
      this._marks = L.DomUtil.create('canvas', 'tm-unit-canvas leaflet-zoom-hide');
      map.getPane('tmTrails').appendChild(this._trails);
      map.getPane('tmUnits').appendChild(this._marks);
      map.on('moveend zoomend resize viewreset', this._redraw, this);
      this._redraw();
    },
    onRemove: function (map) {
      map.off('moveend zoomend resize viewreset', this._redraw, this);
      if (this._frame !== null) { L.Util.cancelAnimFrame(this._frame); this._frame = null; }
      L.DomUtil.remove(this._trails);
      L.DomUtil.remove(this._marks);
      this._trails = this._marks = null;
      this._grid = null;
    },
    _redraw: function () {
      var map = this._map;
      if (!map || !this._marks) { return; }
      if (this._frame !== null) { L.Util.cancelAnimFrame(this._frame); this._frame = null; }
      var lines = fitCanvas(map, this._trails), marks = fitCanvas(map, this._marks);
      var origin = marks.origin, r = unitHalf(map.getZoom());
      var zoom = map.getZoom(), pixelOrigin = map.getPixelOrigin();
      var dx = pixelOrigin.x + origin.x, dy = pixelOrigin.y + origin.y;
      var tctx = lines.ctx, grid = new Map(), byColour = new Map();
      tctx.beginPath();
      this._points.forEach(function (p) {
        var proj = p.trail.length > 1 ? p.projected(map, zoom) : null;
        if (proj) {
          tctx.moveTo(proj[0].x - dx, proj[0].y - dy);
          for (var i = 1; i < proj.length; i++) { tctx.lineTo(proj[i].x - dx, proj[i].y - dy); }
        }
        placeOnCanvas(map, p, marks, r, byColour, grid);
      });
      tctx.lineWidth = 3;
      tctx.lineJoin = 'round';
      tctx.strokeStyle = 'rgba(31, 111, 235, 0.7)';
      tctx.setLineDash([4, 6]);
      tctx.stroke();
      var ctx = marks.ctx;
      byColour.forEach(function (points, colour) {
        ctx.beginPath();
        for (var i = 0; i < points.length; i++) { ctx.rect(points[i].x - r, points[i].y - r, 2 * r, 2 * r); }
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.lineWidth = 2;
        ctx.strokeStyle = '#ffffff';
        ctx.stroke();
      });
      ctx.beginPath();
      byColour.forEach(function (points) {
        for (var i = 0; i < points.length; i++) { ctx.rect(points[i].x - r - 1.5, points[i].y - r - 1.5, 2 * r + 3, 2 * r + 3); }
      });
      ctx.lineWidth = 1;
      ctx.strokeStyle = 'rgba(0, 0, 0, 0.6)';
      ctx.stroke();
      this._grid = grid;
      this._origin = origin;
    },
    hit: function (containerPoint) {
      var reach = unitHalf(this._map ? this._map.getZoom() : 15) + HIT_SLOP;
      return gridHit(this._map, this._grid, this._origin, containerPoint, reach);
    }
  });

  // Where the pointer is over the map itself (a canvas, a tile), not a DOM marker or control.
  function onMapSurface(target) {
    if (!target || !target.classList) { return false; }
    return target.tagName === 'CANVAS' || target.classList.contains('leaflet-tile') ||
      target.classList.contains('leaflet-container');
  }

  function unitAt(ev) {
    var layer = st.groups.units;
    if (!st.map.hasLayer(layer) || !onMapSurface(ev.target)) { return null; }
    return layer.hit(st.map.mouseEventToContainerPoint(ev));
  }

  function showUnitTip(point) {
    var item = st.items.units[point.tmId];
    if (!item) { return; }
    st.tip.setLatLng(point.getLatLng());
    st.tip.setContent(tooltipBox([['tm-tip-title', item.f.name], ['tm-tip-sub', item.f.status]]));
    st.map.openTooltip(st.tip);
  }

  // Pressing on a camera starts a possible drag out of the map, not a pan.
  function pressCamera(ev) {
    if (unitAt(ev)) { return; }  // the unit drawn above it takes the click
    var point = cameraAt(ev);
    if (!point) { return; }
    st.press = { id: point.tmId, x: ev.clientX, y: ev.clientY };
    st.map.dragging.disable();
  }

  function onDocumentMouseMove(ev) {
    if (st.box) { updateBox(ev); return; }
    if (!st.press) { return; }
    if (!(ev.buttons & 1)) { endPress(); return; }
    if (Math.abs(ev.clientX - st.press.x) + Math.abs(ev.clientY - st.press.y) >= DRAG_START_PX) {
      var id = st.press.id;
      endPress();
      st.map.closeTooltip(st.tip);
      send('cameraDragStarted', id);
    }
  }

  function endPress() {
    if (st.press) {
      st.press = null;
      st.map.dragging.enable();
    }
  }

  // ------------------------------------------------------------------ DOM markers

  // A DOM marker placed by left/top instead of Leaflet's 3D transform: each 3D-transformed
  // element gets a compositing layer of its own in the renderer, about 40 KB apiece (measured:
  // 62 KB per open alert marker with the transform, 24 KB without), and a shift keeps a
  // thousand alerts open. Like the canvas layers, these markers hide while a zoom animates
  // and reappear in place when it ends.
  var FlatMarker = L.Marker.extend({
    onAdd: function (map) {
      this._zoomAnimated = false;
      L.Marker.prototype.onAdd.call(this, map);
    },
    _setPos: function (pos) {
      if (this._icon) {
        this._icon.style.left = pos.x + 'px';
        this._icon.style.top = pos.y + 'px';
      }
      this._zIndex = pos.y + this.options.zIndexOffset;
      this._resetZIndex();
    }
  });

  function divMarker(ll, cls, inner, size) {
    return new FlatMarker(ll, {
      icon: L.divIcon({ className: cls, html: inner, iconSize: [size, size] }),
      keyboard: false
    });
  }

  function eventClass(f) {
    var cls = 'tm-event tm-prio-' + token(f.priority) + ' tm-state-' + token(f.state);
    if (f.overdue === true) { cls += ' tm-overdue'; }
    if (st.selectedEvent === f.id) { cls += ' tm-selected'; }
    return cls;
  }

  function alertClass(f) {
    var cls = 'tm-alert tm-prio-' + token(f.priority);
    if (f.fresh === true) { cls += ' tm-fresh'; }
    if (f.fresh === true && st.flashUntil[f.id] > performance.now()) { cls += ' tm-flashing'; }
    return cls;
  }

  // A fresh alert blinks for FLASH_MS from when it arrived (or became fresh), once: a layer
  // filled again keeps the time it had.
  function noteFreshness(f, wasFresh) {
    if (f.fresh !== true) { delete st.flashUntil[f.id]; return; }
    if (!wasFresh && !(f.id in st.flashUntil)) { st.flashUntil[f.id] = performance.now() + FLASH_MS; }
  }

  function iconInner(text) {
    return textEl('span', 'tm-icon-text', text);
  }

  var KINDS = {
    cameras: {
      create: cameraCreate,
      update: cameraUpdate
    },
    coverage: {
      create: function (f, ll) {
        return L.circleMarker(ll, {
          renderer: st.renderers.coverage, radius: 11, stroke: false,
          fillColor: '#17a2b8', fillOpacity: 0.35, interactive: false
        });
      },
      update: function (item, f, ll) { item.layer.setLatLng(ll); }
    },
    events: {
      create: function (f, ll) {
        var cls = eventClass(f);
        var marker = divMarker(ll, cls, iconInner(token(f.priority).toUpperCase()), 22);
        marker.tmClass = cls;
        marker.bindTooltip(function () {
          var item = st.items.events[f.id];
          var g = item ? item.f : f;
          return tooltipBox([['tm-tip-title', g.number], ['tm-tip-body', g.title]]);
        }, { direction: 'top', offset: [0, -10] });
        marker.on('click', function (e) { clickedOn('eventClicked', f.id, e.latlng); });
        return marker;
      },
      update: function (item, f, ll) {
        item.layer.setLatLng(ll);
        var cls = eventClass(f);
        if (cls !== item.layer.tmClass) {
          item.layer.tmClass = cls;
          item.layer.setIcon(L.divIcon({
            className: cls, html: iconInner(token(f.priority).toUpperCase()), iconSize: [22, 22]
          }));
        }
      }
    },
    units: {
      create: function (f, ll) {
        return new UnitPoint(f.id, ll, unitColour(f.status), pathOf(f.trail));
      },
      update: function (item, f, ll) {
        var point = item.layer;
        point.ll = ll;
        point.colour = unitColour(f.status);
        point.setTrail(trailOf(f, point.trail));
        st.groups.units.changed();
      }
    },
    alerts: {
      create: function (f, ll) {
        noteFreshness(f, false);
        var cls = alertClass(f);
        var marker = divMarker(ll, cls, iconInner('!'), 20);
        marker.tmClass = cls;
        marker.bindTooltip(function () {
          var item = st.items.alerts[f.id];
          var g = item ? item.f : f;
          return tooltipBox([['tm-tip-title', g.title], ['tm-tip-sub', g.priority]]);
        }, { direction: 'top', offset: [0, -10] });
        marker.on('click', function (e) { clickedOn('alertClicked', f.id, e.latlng); });
        return marker;
      },
      update: function (item, f, ll) {
        item.layer.setLatLng(ll);
        if (item.f !== f) { noteFreshness(f, item.f.fresh === true); }
        var cls = alertClass(f);
        if (cls !== item.layer.tmClass) {
          item.layer.tmClass = cls;
          item.layer.setIcon(L.divIcon({ className: cls, html: iconInner('!'), iconSize: [20, 20] }));
        }
      }
    },
    track: {
      create: function (f, ll) {
        var marker = divMarker(ll, 'tm-pass', iconInner(''), 18);
        marker.bindTooltip(textEl('span', 'tm-pass-time', ''), {
          permanent: true, direction: 'right', offset: [8, 0], className: 'tm-pass-label'
        });
        marker.on('click', function (e) { clickedOn('passClicked', f.id, e.latlng); });
        return marker;
      },
      update: function (item, f, ll) { item.layer.setLatLng(ll); }
    },
    route: {
      create: function (f, ll) {
        var kind = token(f.kind);
        var layer;
        if (kind === 'path') {
          layer = L.polyline(pathOf(f.path), {
            renderer: st.renderers.lines, color: '#d9480f', weight: 5, opacity: 0.85,
            interactive: false
          });
        } else {
          layer = divMarker(ll, 'tm-route-' + kind, iconInner(''), kind === 'post' ? 14 : 16);
          layer.bindTooltip(function () {
            var item = st.items.route[f.id];
            return tooltipBox([['tm-tip-title', item ? item.f.name : f.name]]);
          }, { direction: 'top', offset: [0, -8] });
        }
        layer.tmKind = kind;
        return layer;
      },
      update: function (item, f, ll) {
        if (item.layer.tmKind === 'path') { item.layer.setLatLngs(pathOf(f.path)); } else { item.layer.setLatLng(ll); }
      }
    }
  };

  // ------------------------------------------------------------------ layer contents

  function upsert(layer, f) {
    var id = idOf(f);
    if (id === null) { return; }
    var kind = KINDS[layer];
    var ll = pointOf(f);
    var isPath = layer === 'route' && token(f.kind) === 'path';
    if (ll === null && !isPath) { return; }
    if (ll === null) { ll = L.latLng(0, 0); }
    var items = st.items[layer];
    var item = items[id];
    if (item) {
      if (layer === 'route' && token(item.f.kind) !== token(f.kind)) {
        st.groups[layer].removeLayer(item.layer);
        delete items[id];
        item = null;
      } else {
        kind.update(item, f, ll);
        item.f = f;
      }
    }
    if (!item) {
      items[id] = { f: f, layer: kind.create(f, ll) };
      st.groups[layer].addLayer(items[id].layer);
      if (layer === 'track') { st.order.track.push(id); }
    }
    st.applied += 1;
  }

  function removeOne(layer, id) {
    var item = st.items[layer][id];
    if (!item) { return; }
    st.groups[layer].removeLayer(item.layer);
    delete st.items[layer][id];
    if (layer === 'alerts') { delete st.flashUntil[id]; }
    if (layer === 'track') {
      var at = st.order.track.indexOf(id);
      if (at >= 0) { st.order.track.splice(at, 1); }
    }
    st.applied += 1;
  }

  function setLayer(layer, features) {
    var group = st.groups[layer];
    var shown = st.map.hasLayer(group);
    // Filled off the map, then added once: one redraw instead of thousands.
    if (shown) { st.map.removeLayer(group); }
    group.clearLayers();
    st.items[layer] = {};
    if (layer === 'track') { st.order.track = []; }
    for (var i = 0; i < features.length; i++) { upsert(layer, features[i]); }
    if (shown) { st.map.addLayer(group); }
    afterChange(layer);
  }

  function applyDiff(layer, upserts, removes) {
    var i;
    for (i = 0; i < removes.length; i++) { removeOne(layer, removes[i]); }
    for (i = 0; i < upserts.length; i++) { upsert(layer, upserts[i]); }
    afterChange(layer);
  }

  function afterChange(layer) {
    if (layer === 'track') { redrawTrack(); }
    if (layer === 'cameras') { drawSelection(); }
    if (layer === 'events' || layer === 'alerts') { updateBlink(); }
  }

  // ------------------------------------------------------------------ blinking

  // Overdue events and new alerts are marked by their look at all times (a red halo, a yellow
  // ring); the blink only adds a brighter beat. No CSS animation runs forever: the page makes
  // a frame only when something changes, and the one timer below runs only while a blinking
  // marker is on screen.
  function blinkNeeded(now) {
    var bounds = null;
    function onScreen(ll) {
      if (bounds === null) { bounds = st.map.getBounds(); }
      return bounds.contains(ll);
    }
    var id, item;
    if (st.map.hasLayer(st.groups.events)) {
      for (id in st.items.events) {
        item = st.items.events[id];
        if (item.f.overdue === true && onScreen(item.layer.getLatLng())) { return true; }
      }
    }
    if (st.map.hasLayer(st.groups.alerts)) {
      for (id in st.flashUntil) {
        item = st.items.alerts[id];
        if (item && st.flashUntil[id] > now && onScreen(item.layer.getLatLng())) { return true; }
      }
    }
    return false;
  }

  function updateBlink() {
    var now = performance.now();
    for (var id in st.flashUntil) {
      var item = st.items.alerts[id];
      if (!item) { delete st.flashUntil[id]; continue; }
      if (st.flashUntil[id] <= now && item.layer.tmClass.indexOf('tm-flashing') >= 0) {
        KINDS.alerts.update(item, item.f, item.layer.getLatLng());  // its flash is over
      }
    }
    var needed = blinkNeeded(now);
    if (needed && st.blinkTimer === null) {
      st.blinkTimer = window.setInterval(blinkStep, BLINK_MS);
    } else if (!needed && st.blinkTimer !== null) {
      window.clearInterval(st.blinkTimer);
      st.blinkTimer = null;
      setBlinkPhase(false);
    }
  }

  function blinkStep() {
    setBlinkPhase(!st.blinkOn);
    updateBlink();
  }

  function setBlinkPhase(on) {
    st.blinkOn = on;
    st.map.getPane('markerPane').classList.toggle('tm-blink-on', on);
  }

  function timeText(f) {
    if (typeof f.time_label === 'string' && f.time_label) { return f.time_label; }
    var when = new Date(String(f.time));
    if (isNaN(when.getTime())) { return String(f.time === undefined ? '' : f.time); }
    function pad(n) { return (n < 10 ? '0' : '') + n; }
    return pad(when.getHours()) + ':' + pad(when.getMinutes()) + ':' + pad(when.getSeconds());
  }

  function redrawTrack() {
    var points = [];
    for (var i = 0; i < st.order.track.length; i++) {
      var item = st.items.track[st.order.track[i]];
      points.push(item.layer.getLatLng());
      var label = item.layer.getTooltip();
      if (label) {
        var el = textEl('span', 'tm-pass-time', (i + 1) + '  ' + timeText(item.f));
        label.setContent(el);
      }
      // the number shows the order of the passes; the icon is rebuilt only when it changed
      if (item.layer.tmNumber !== i + 1) {
        item.layer.tmNumber = i + 1;
        item.layer.setIcon(L.divIcon({ className: 'tm-pass', html: iconInner(String(i + 1)), iconSize: [18, 18] }));
      }
    }
    st.trackLine.setLatLngs(points);
  }

  // ------------------------------------------------------------------ selection

  function drawSelection() {
    st.selection.clearLayers();
    var item = st.selectedCamera ? st.items.cameras[st.selectedCamera] : null;
    if (!item) { return; }
    var ll = item.layer.getLatLng();
    var heading = num(item.f.heading), fov = num(item.f.fov);
    if (heading !== null && fov !== null && fov > 0) {
      // long enough to see at any zoom: at least CONE_MIN_PX on screen
      var metresPerPx = 40075016.686 * Math.cos(ll.lat * Math.PI / 180) / Math.pow(2, st.map.getZoom() + 8);
      var radius = Math.max(CONE_RADIUS_M, CONE_MIN_PX * metresPerPx);
      var half = Math.min(fov, 359) / 2, points = [[ll.lat, ll.lng]];
      var steps = Math.max(4, Math.ceil(fov / 5));
      for (var s = 0; s <= steps; s++) {
        points.push(destination(ll.lat, ll.lng, heading - half + (2 * half) * s / steps, radius));
      }
      st.selection.addLayer(L.polygon(points, {
        renderer: st.renderers.cone, color: '#f59f00', weight: 2, fillColor: '#ffd43b',
        fillOpacity: 0.35, interactive: false, className: 'tm-fov'
      }));
    }
    st.selection.addLayer(L.circleMarker(ll, {
      renderer: st.renderers.cone, radius: 10, color: '#f59f00', weight: 3, fill: false,
      interactive: false, className: 'tm-selected-camera'
    }));
  }

  function selectEvent(id) {
    var previous = st.selectedEvent ? st.items.events[st.selectedEvent] : null;
    st.selectedEvent = typeof id === 'string' ? id : null;
    if (previous) { KINDS.events.update(previous, previous.f, previous.layer.getLatLng()); }
    var current = st.selectedEvent ? st.items.events[st.selectedEvent] : null;
    if (current) { KINDS.events.update(current, current.f, current.layer.getLatLng()); }
  }

  // ------------------------------------------------------------------ box select, pick

  function onContainerMouseDown(ev) {
    if (ev.button !== 0 || st.pick) { return; }
    if (!ev.shiftKey) { pressCamera(ev); return; }
    ev.stopPropagation();
    ev.preventDefault();
    var start = st.map.mouseEventToContainerPoint(ev);
    var el = document.createElement('div');
    el.className = 'tm-box';
    st.map.getContainer().appendChild(el);
    st.box = { start: start, end: start, el: el };
    st.map.dragging.disable();
    updateBox(ev);
  }

  function updateBox(ev) {
    var b = st.box;
    b.end = st.map.mouseEventToContainerPoint(ev);
    var x = Math.min(b.start.x, b.end.x), y = Math.min(b.start.y, b.end.y);
    b.el.style.left = x + 'px';
    b.el.style.top = y + 'px';
    b.el.style.width = Math.abs(b.end.x - b.start.x) + 'px';
    b.el.style.height = Math.abs(b.end.y - b.start.y) + 'px';
  }

  function finishBox() {
    var b = st.box;
    st.box = null;
    b.el.parentNode.removeChild(b.el);
    st.map.dragging.enable();
    if (Math.abs(b.end.x - b.start.x) < 3 || Math.abs(b.end.y - b.start.y) < 3) { return; }
    if (!st.map.hasLayer(st.groups.cameras)) { return; }
    var bounds = L.latLngBounds(st.map.containerPointToLatLng(b.start),
      st.map.containerPointToLatLng(b.end));
    var ids = [];
    var items = st.items.cameras;
    for (var id in items) {
      if (Object.prototype.hasOwnProperty.call(items, id) && bounds.contains(items[id].layer.getLatLng())) {
        ids.push(id);
      }
    }
    if (ids.length) { send('camerasBoxed', JSON.stringify(ids)); }
  }

  function onDocumentMouseUp() {
    if (st.box) { finishBox(); }
    endPress();
  }

  function setPick(on) {
    st.pick = on === true;
    var container = st.map.getContainer();
    if (st.pick) { container.classList.add('tm-picking'); } else { container.classList.remove('tm-picking'); }
    st.hint.textContent = st.strings.pick_hint || '';
    st.hint.style.display = st.pick && st.hint.textContent ? 'block' : 'none';
  }

  function pickAt(latlng) {
    setPick(false);
    send('locationPicked', latlng.lat, latlng.lng);
  }

  // ------------------------------------------------------------------ legend

  function renderLegend() {
    var box = st.legend;
    if (!box) { return; }
    while (box.firstChild) { box.removeChild(box.firstChild); }
    if (st.strings.legend_title) { box.appendChild(textEl('div', 'tm-legend-title', st.strings.legend_title)); }
    for (var i = 0; i < st.legendEntries.length; i++) {
      var entry = st.legendEntries[i];
      var row = document.createElement('div');
      var layer = token(entry.layer);
      row.className = 'tm-legend-row' + (st.groups[layer] && !st.map.hasLayer(st.groups[layer]) ? ' tm-off' : '');
      row.appendChild(textEl('span', 'tm-swatch tm-swatch-' + token(entry.key), ''));
      row.appendChild(textEl('span', 'tm-legend-label', entry.label));
      box.appendChild(row);
    }
    box.style.display = st.legendEntries.length && st.legendShown ? 'block' : 'none';
  }

  // ------------------------------------------------------------------ messages from Python

  function setVisible(layer, on) {
    var group = st.groups[layer];
    if (!group) { return; }
    if (on && !st.map.hasLayer(group)) { st.map.addLayer(group); }
    if (!on && st.map.hasLayer(group)) { st.map.removeLayer(group); }
    if (layer === 'track') {
      if (on) { st.map.addLayer(st.trackLine); } else { st.map.removeLayer(st.trackLine); }
    }
    if (layer === 'cameras') {
      if (on) { st.map.addLayer(st.selection); } else { st.map.removeLayer(st.selection); }
    }
    renderLegend();
    updateBlink();
  }

  function handle(m) {
    var layer = typeof m.layer === 'string' && st.groups[m.layer] ? m.layer : null;
    switch (m.op) {
      case 'set_layer':
        if (layer) { setLayer(layer, Array.isArray(m.features) ? m.features : []); }
        break;
      case 'diff':
        if (layer) {
          applyDiff(layer, Array.isArray(m.upsert) ? m.upsert : [], Array.isArray(m.remove) ? m.remove : []);
        }
        break;
      case 'visible':
        if (layer) { setVisible(layer, m.visible === true); }
        break;
      case 'select_camera':
        st.selectedCamera = typeof m.id === 'string' ? m.id : null;
        drawSelection();
        break;
      case 'select_event':
        selectEvent(m.id);
        break;
      case 'center':
        if (num(m.lat) !== null && num(m.lon) !== null) {
          st.map.setView([m.lat, m.lon], num(m.zoom) !== null ? m.zoom : st.map.getZoom(), { animate: false });
        }
        break;
      case 'fit':
        var pts = pathOf(m.points);
        if (pts.length === 1) { st.map.setView(pts[0], Math.max(st.map.getZoom(), 15), { animate: false }); }
        if (pts.length > 1) { st.map.fitBounds(pts, { padding: [40, 40], maxZoom: 16, animate: false }); }
        break;
      case 'legend':
        st.legendShown = m.visible === true;
        renderLegend();
        break;
      case 'pick':
        setPick(m.on === true);
        break;
      case 'strings':
        st.strings = m.strings && typeof m.strings === 'object' ? m.strings : {};
        st.legendEntries = Array.isArray(m.legend) ? m.legend : [];
        renderLegend();
        setPick(st.pick);
        break;
      default:
        break;
    }
  }

  function receive(text) {
    var started = performance.now();
    var messages;
    try {
      messages = JSON.parse(text);
    } catch (error) {
      reportError('receive', error);
      return;
    }
    st.batches += 1;
    watchFrames();
    for (var i = 0; i < messages.length; i++) {
      try {
        handle(messages[i]);
      } catch (error) {
        reportError(String(messages[i] && messages[i].op), error);
      }
    }
    st.receiveMs = performance.now() - started;
  }

  // ------------------------------------------------------------------ statistics

  // Frame times are measured for a while after each change (see FRAME_WATCH_MS), never by a
  // loop that asks for every frame.
  function watchFrames() {
    st.watchUntil = performance.now() + FRAME_WATCH_MS;
    if (!st.frameRequested) {
      st.frameRequested = true;
      st.lastFrame = 0;
      window.requestAnimationFrame(onFrame);
    }
  }

  function onFrame(t) {
    if (st.lastFrame) {
      st.frames[st.frameCount % FRAME_SAMPLES] = t - st.lastFrame;
      st.frameCount += 1;
    }
    st.lastFrame = t;
    if (performance.now() < st.watchUntil) {
      window.requestAnimationFrame(onFrame);
    } else {
      st.frameRequested = false;
    }
  }

  function runningAnimations() {
    if (!document.getAnimations) { return null; }
    return document.getAnimations().filter(function (a) { return a.playState === 'running'; }).length;
  }

  function stats() {
    var n = Math.min(st.frameCount, FRAME_SAMPLES);
    var sorted = Array.prototype.slice.call(st.frames.subarray(0, n)).sort(function (a, b) { return a - b; });
    var markers = {}, shown = {};
    for (var i = 0; i < LAYERS.length; i++) {
      markers[LAYERS[i]] = Object.keys(st.items[LAYERS[i]]).length;
      shown[LAYERS[i]] = st.map.hasLayer(st.groups[LAYERS[i]]);
    }
    return {
      frame_ms_p99: n ? sorted[Math.max(0, Math.ceil(n * 0.99) - 1)] : null,
      frame_ms_max: n ? sorted[n - 1] : null,
      frames: n,
      frames_total: st.frameCount,
      animations_running: runningAnimations(),
      blinking: st.blinkTimer !== null,
      flashing: Object.keys(st.flashUntil).length,
      markers: markers,
      visible: shown,
      batches: st.batches,
      applied: st.applied,
      last_receive_ms: st.receiveMs,
      zoom: st.map.getZoom()
    };
  }

  // ------------------------------------------------------------------ start

  function attach(map, options) {
    st.map = map;
    map.boxZoom.disable();  // shift-drag selects cameras instead
    map.attributionControl.setPrefix('Leaflet');
    var panes = { tmCoverage: 380, tmLines: 390, tmTrails: 395, tmCameras: 410, tmCone: 420, tmUnits: 590 };
    for (var name in panes) {
      if (Object.prototype.hasOwnProperty.call(panes, name)) {
        map.createPane(name).style.zIndex = String(panes[name]);
      }
    }
    st.renderers = {
      coverage: L.canvas({ pane: 'tmCoverage' }),
      lines: L.canvas({ pane: 'tmLines' }),
      cone: L.svg({ pane: 'tmCone' })
    };
    for (var i = 0; i < LAYERS.length; i++) {
      var group = LAYERS[i] === 'cameras' ? new CameraLayer() : LAYERS[i] === 'units' ? new UnitLayer() : L.featureGroup();
      st.groups[LAYERS[i]] = group.addTo(map);
      st.items[LAYERS[i]] = {};
    }
    wireCameras(map);
    st.trackLine = L.polyline([], {
      renderer: st.renderers.lines, color: '#7048e8', weight: 4, opacity: 0.9, interactive: false
    }).addTo(map);
    st.selection = L.featureGroup().addTo(map);
    st.tip = L.tooltip({ direction: 'top', offset: [0, -6] });

    var legend = L.control({ position: 'bottomright' });
    legend.onAdd = function () {
      var box = L.DomUtil.create('div', 'tm-legend');
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    legend.addTo(map);
    st.legend = legend.getContainer();
    st.legend.style.display = 'none';
    st.hint = textEl('div', 'tm-hint', '');
    st.hint.style.display = 'none';
    map.getContainer().appendChild(st.hint);

    map.on('contextmenu', function (e) {
      if (st.pick) { return; }
      send('contextRequested', e.latlng.lat, e.latlng.lng);
    });
    map.on('click', function (e) { if (st.pick) { pickAt(e.latlng); } });
    map.on('zoomend', drawSelection);
    map.on('moveend zoomend', updateBlink);
    map.on('movestart zoomstart move', watchFrames);
    map.getContainer().addEventListener('mousedown', onContainerMouseDown, true);
    document.addEventListener('mousemove', onDocumentMouseMove, true);
    document.addEventListener('mouseup', onDocumentMouseUp, true);
    document.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape' && st.pick) { setPick(false); send('locationPickCancelled'); }
    });
    watchFrames();

    if (typeof QWebChannel === 'undefined' || typeof qt === 'undefined') {
      if (window.console) { console.error('tianmu map: no web channel in this page'); }
      return;
    }
    new QWebChannel(qt.webChannelTransport, function (channel) {
      st.bridge = channel.objects.bridge;
      // Data comes as a signal's argument, never as script to run: the renderer keeps every
      // distinct script it ran, so a batch sent as script would stay in memory for good.
      st.bridge.messages.connect(receive);
      send('pageReady');
    });
  }

  window.TianmuMap = {
    attach: attach,
    receive: receive,
    stats: function () { return JSON.stringify(stats()); },
    // for tests and diagnostics: where a feature is drawn, in page pixels
    pixelOf: function (layer, id) {
      var item = st.items[layer] && st.items[layer][id];
      if (!item) { return null; }
      var ll = item.layer.getLatLng ? item.layer.getLatLng() : (item.layer.tmMarker && item.layer.tmMarker.getLatLng());
      var p = st.map.latLngToContainerPoint(ll);
      var r = st.map.getContainer().getBoundingClientRect();
      return JSON.stringify({ x: p.x + r.left, y: p.y + r.top });
    },
    // opens a feature's tooltip and returns the tooltip element's text (diagnostics, tests)
    openTooltip: function (layer, id) {
      var item = st.items[layer] && st.items[layer][id];
      var target = item && (item.layer.tmMarker || item.layer);
      if (!target || !target.openTooltip) { return null; }
      target.openTooltip();
      var tip = target.getTooltip();
      return tip && tip.getElement() ? tip.getElement().textContent : null;
    },
    // the vehicle track as drawn: passes in polyline order with their labels
    trackOrder: function () {
      var out = [], line = st.trackLine.getLatLngs();
      for (var i = 0; i < st.order.track.length; i++) {
        var item = st.items.track[st.order.track[i]];
        var tip = item.layer.getTooltip();
        var content = tip ? tip.getContent() : null;
        out.push({
          id: st.order.track[i],
          label: content && content.textContent !== undefined ? content.textContent : '',
          lat: line[i].lat,
          lon: line[i].lng
        });
      }
      return JSON.stringify(out);
    },
    // a unit's trail as the page draws it: JSON [[lat, lon], ...]
    unitTrail: function (id) {
      var item = st.items.units[id];
      return item ? JSON.stringify(item.layer.trail) : null;
    },
    positionOf: function (layer, id) {
      var item = st.items[layer] && st.items[layer][id];
      if (!item) { return null; }
      var ll = item.layer.getLatLng ? item.layer.getLatLng() : item.layer.tmMarker.getLatLng();
      return JSON.stringify([ll.lat, ll.lng]);
    }
  };
})();
